package fpdfrender

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

// These tests read the rendered PDF back with poppler-utils and qpdf. They
// skip when a tool is missing, except with CI=true, where they fail.

func testChartPDF(t *testing.T) string {
	t.Helper()
	pdf := newDoc(t)
	renderTestChart(t, pdf, parseFonts(t))
	return writeTemp(t, "chart.pdf", output(t, pdf))
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(tool(t, name), args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

func TestLabelsAreExtractableText(t *testing.T) {
	file := testChartPDF(t)
	text := run(t, "pdftotext", "-enc", "UTF-8", file, "-")
	for _, want := range append([]string{testTitle, "50.00", "0.00"}, testLabels...) {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext output lacks %q; got:\n%s", want, text)
		}
	}
}

func TestChartHasNoImages(t *testing.T) {
	file := testChartPDF(t)
	list := run(t, "pdfimages", "-list", file)
	lines := strings.Split(strings.TrimSpace(list), "\n")
	if len(lines) != 2 { // the header and its rule
		t.Errorf("pdfimages -list shows images:\n%s", list)
	}
}

func TestChartPDFIsValid(t *testing.T) {
	file := testChartPDF(t)
	run(t, "qpdf", "--check", file) // fails on a non-zero exit
	fonts := run(t, "pdffonts", file)
	if !strings.Contains(fonts, "CID TrueType") || strings.Count(fonts, "+LiberationSans") != 2 {
		t.Errorf("want the two embedded Liberation Sans faces; pdffonts:\n%s", fonts)
	}
}
