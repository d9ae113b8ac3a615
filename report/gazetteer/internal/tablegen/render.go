package tablegen

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
)

// textTable is the text the tables point into: every distinct line (the
// code, full name, key and folded key of a unit, separated by |; a note of
// the conversion table), sorted, each followed by a line feed; and the list
// of unit types.
type textTable struct {
	offset map[string]uint32
	lines  []string
	types  []string
	text   int // length of the text
}

func (t *textTable) add(line string) {
	if t.offset == nil {
		t.offset = map[string]uint32{}
	}
	if _, ok := t.offset[line]; !ok && line != "" {
		t.offset[line] = 0
		t.lines = append(t.lines, line)
	}
}

func (t *textTable) addType(typ string) {
	if !slices.Contains(t.types, typ) {
		t.types = append(t.types, typ)
	}
}

// layout sorts the lines and types and sets the offsets of the lines.
func (t *textTable) layout() {
	slices.Sort(t.lines)
	slices.Sort(t.types)
	t.text = 0
	for _, l := range t.lines {
		t.offset[l] = uint32(t.text)
		t.text += len(l) + 1
	}
}

// at returns the offset of line (0 for "").
func (t *textTable) at(line string) uint32 { return t.offset[line] }

// typ returns the index of typ in the types.
func (t *textTable) typ(typ string) int { return slices.Index(t.types, typ) }

func (t *textTable) write(b *bytes.Buffer) {
	fmt.Fprintf(b, `// unitTypes are the types of the units (Unit.Type), indexed by unitRec.typ.
var unitTypes = [...]string{`)
	for i, typ := range t.types {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(typ))
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(b, "// tableText holds the strings of the tables, %d lines, %d bytes: a unit's\n", len(t.lines), t.text)
	b.WriteString("// code, full name, key and folded key separated by |, or a note of the\n// conversion table. unitRec and rollupRec point into it.\nconst tableText = `")
	for _, l := range t.lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	b.WriteString("`\n")
}

// write writes the tables of e.
func (e *era) write(b *bytes.Buffer, text *textTable) {
	name := "e" + e.era[1:]
	fmt.Fprintf(b, "// %s holds the %d units of %s and their indexes.\n", name, len(e.units), e.era)
	fmt.Fprintf(b, "var %s = eraData{\n\tera:    %s,\n\tlevels: [3]span{", name, e.era)
	for l := province; l <= commune; l++ {
		if l > province {
			b.WriteString(", ")
		}
		fmt.Fprintf(b, "{%d, %d}", e.levels[l][0], e.levels[l][1])
	}
	b.WriteString("},\n")
	b.WriteString("\t// text, fullLen, nameLen, keyLen, fkeyLen, typ, level, province, district, rank\n\tunits: []unitRec{\n")
	for i := range e.units {
		u := &e.units[i]
		fmt.Fprintf(b, "\t\t{%d, %d, %d, %d, %d, %d, %d, %d, %d, %d},\n",
			text.at(u.line()), len(u.full), len(u.name), len(u.key), len(u.fkey), text.typ(u.typ), u.level, u.province, u.district, u.rank)
	}
	b.WriteString("\t},\n")
	exact, folded := e.byName(false), e.byName(true)
	writeInts(b, "exact", exact)
	writeInts(b, "folded", folded)
	writeSlots(b, "codeSlots", e.codeSlots())
	writeSlots(b, "exactSlots", e.nameSlots(exact, false))
	writeSlots(b, "foldedSlots", e.nameSlots(folded, true))
	spans, children := e.children()
	b.WriteString("\t// communes, districts\n\tparents: []parentRec{\n")
	for _, s := range spans {
		fmt.Fprintf(b, "\t\t{span{%d, %d}, span{%d, %d}},\n", s[0][0], s[0][1], s[1][0], s[1][1])
	}
	b.WriteString("\t},\n")
	writeInts(b, "children", children)
	b.WriteString("}\n")
}

// writeInts writes the field name of a composite literal, a []int32.
func writeInts(b *bytes.Buffer, name string, ids []int32) {
	fmt.Fprintf(b, "\t%s: []int32{", name)
	for i, id := range ids {
		if i%16 == 0 {
			b.WriteString("\n\t\t")
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(int(id)))
		b.WriteByte(',')
	}
	b.WriteString("\n\t},\n")
}

// writeSlots writes the field name of a composite literal, a []uint16.
func writeSlots(b *bytes.Buffer, name string, slots []uint16) {
	fmt.Fprintf(b, "\t%s: []uint16{", name)
	for i, s := range slots {
		if i%20 == 0 {
			b.WriteString("\n\t\t")
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(int(s)))
		b.WriteByte(',')
	}
	b.WriteString("\n\t},\n")
}

// write writes the conversion table.
func (t *rollupTable) write(b *bytes.Buffer, text *textTable) {
	b.WriteString("// rollupProvince holds, by EraPre2025 province id, the id of its Era2025\n// province.\nvar rollupProvince = [...]int32{")
	for i, id := range t.province {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(int(id)))
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(b, "// rollupTargets are the %d rows of the conversion table for communes and\n", len(t.targets))
	b.WriteString("// island districts, by EraPre2025 unit id, in table order for each unit.\n")
	b.WriteString("var rollupTargets = [...]rollupRec{\n\t// from, to, note, noteLen, whole\n")
	for _, r := range t.targets {
		fmt.Fprintf(b, "\t{%d, %d, %d, %d, %t},\n", r.from, r.to, text.at(r.note), len(r.note), r.whole)
	}
	b.WriteString("}\n")
}
