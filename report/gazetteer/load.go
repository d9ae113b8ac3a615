package gazetteer

// Gazetteer is the indexed list of administrative units of every era and
// the official conversion table between them. It reads the tables built
// into the binary (see New). A Gazetteer is immutable and safe for
// concurrent use.
type Gazetteer struct{}

// shared is the gazetteer of the embedded lists.
var shared Gazetteer

// Default returns the shared gazetteer of the embedded official lists.
func Default() *Gazetteer {
	return &shared
}

// New returns a gazetteer of the embedded official lists. The lists, their
// indexes, their alphabetical order and the conversion table are tables
// generated from the CSV files of data/ when the package is built (see the
// package documentation), so that nothing is parsed or indexed at run time:
// the first lookup takes about as long as any other. Most programs use
// Default instead.
func New() *Gazetteer {
	return &Gazetteer{}
}

// Check returns the first inconsistency found in the embedded data, or nil.
// The tables are checked against the CSV files when they are generated and
// by the package's tests, so Check has nothing left to check at run time:
// it returns nil. It remains for the programs that call it at start-up to
// fail early.
func (g *Gazetteer) Check() error {
	return nil
}

// isDigits reports whether s is a non-empty string of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
