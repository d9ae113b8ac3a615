// Package record is the shared vocabulary of dvkreport: a register row as the
// tool understands it once validated ([Record]), the four fields of the
// movement ([Field]), a model's [Status], reporting periods ([Period]) and
// positions in input files ([Pos], [InputError]).
//
// It does no I/O and imports from the rest of the project only package msg,
// the vocabulary of messages, so every step of the pipeline (load →
// validate → names → aggregate → layout → pdf) can use it.
package record

import (
	"fmt"

	"github.com/dvkreport/dvkreport/report/msg"
)

// Field is one of the four fields (lĩnh vực) in which models are registered.
// The zero value is Unclassified: a group of models whose field the source
// does not give. It is reported as such and never guessed.
type Field uint8

// The fields, in the order reports list them.
const (
	Unclassified Field = iota
	Economy
	CultureSociety
	DefenseSecurity
	PartyBuilding
)

// Fields lists the four classified fields in report order.
var Fields = [...]Field{Economy, CultureSociety, DefenseSecurity, PartyBuilding}

// NumFields is the number of Field values, Unclassified included; arrays
// indexed by Field have this length.
const NumFields = 5

// Key returns the field's key in the input contract, such as "culture_society".
func (f Field) Key() string {
	switch f {
	case Economy:
		return "economy"
	case CultureSociety:
		return "culture_society"
	case DefenseSecurity:
		return "defense_security"
	case PartyBuilding:
		return "party_building"
	}
	return "unclassified"
}

func (f Field) String() string { return f.Key() }

// Status says whether a model was newly built in the period or sustained
// from an earlier one. The zero value is NotStated, the contract's
// default: a row that does not say is never guessed to be new.
type Status uint8

const (
	NotStated Status = iota
	New
	Sustained
)

// String returns the status's key: "not_stated", "new" or "sustained".
func (s Status) String() string {
	switch s {
	case New:
		return "new"
	case Sustained:
		return "sustained"
	}
	return "not_stated"
}

// Record is one validated register row: one model, or a group of Count
// models reported together. Count may be zero for a row that carries figures
// (funds, houses built, commendations) but no models of its own.
type Record struct {
	Province, District, Commune string // NFC; District and Commune may be empty
	Unit, Model                 string
	Source                      string
	Count                       int64
	FundsVND                    int64
	Households                  int64
	Beneficiaries               int64
	// Extra holds the values of the dataset's extra indicator columns,
	// aligned with Dataset.Extras; it may be shorter (missing values are 0).
	Extra  []int64
	Period Period
	// Row is the row the record was read from, in the file and sheet that
	// Table names; Pos gives the whole position.
	Row int
	// Table is the table the record was read from; the records of one
	// table share it. It may be nil.
	Table  *Table
	Field  Field
	Status Status
	// Unassigned marks a row of a pre-2025 commune that was split between
	// several 2025 communes: after a roll-up to the 2025 units it counts for
	// its province only.
	Unassigned bool
	// Origin numbers, from 1, the unit a row of before 1 July 2025 was of
	// (its old commune, district or province) when a roll-up to the 2025
	// units took it; 0 for a row of after that date, or without the
	// roll-up. Two old communes' models of one name, now of one commune,
	// are two models (see package aggregate).
	Origin int32
}

// Pos returns where the record was read: its file, sheet and row.
func (r *Record) Pos() Pos {
	if r.Table == nil {
		return Pos{Row: r.Row}
	}
	return Pos{File: r.Table.File, Sheet: r.Table.Sheet, Row: r.Row}
}

// NamePos returns the position of the record's locality name at level (0
// province, 1 district, 2 commune): its row, in the column of that name.
func (r *Record) NamePos(level int) Pos {
	p := r.Pos()
	if r.Table != nil {
		p.Col = r.Table.Loc[level].Col
	}
	return p
}

// Table says where records were read from: the file, the sheet of a
// workbook, and the columns of the locality names, province, district and
// commune in that order (Col is 0 for a column the table lacks), for
// messages about them.
type Table struct {
	File  string
	Sheet string
	Loc   [3]struct {
		Col    int
		Header string
	}
}

// Header returns the header of locality column level, or its contract key
// if unknown.
func (t *Table) Header(level int) string {
	if t != nil && t.Loc[level].Header != "" {
		return t.Loc[level].Header
	}
	return [...]string{"province", "district", "commune"}[level]
}

// Dataset is a set of records with the names of their extra indicators.
type Dataset struct {
	Records []Record
	// Extras names the extra indicator columns, as the input's header
	// wrote them (NFC), in order of first appearance.
	Extras []string
}

// Pos is a position in an input file. Row and Col count from 1; row 1 of a
// CSV or sheet is its header. Sheet is set for workbooks only. Col is 0 when
// the position is a whole row.
type Pos struct {
	File  string
	Sheet string
	Row   int
	Col   int
}

// String writes the position as FILE:ROW:COLUMN (FILE:ROW for a whole row,
// FILE for a whole file or sheet); in a workbook as
// FILE[Sheet]:ROW:COLUMN followed by the Excel cell name: book.xlsx[Quý
// III]:7:3 (C7).
func (p Pos) String() string {
	name := p.File
	if p.Sheet != "" {
		name = fmt.Sprintf("%s[%s]", p.File, p.Sheet)
	}
	switch {
	case p.Row == 0:
		return name
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", name, p.Row)
	case p.Sheet != "":
		return fmt.Sprintf("%s:%d:%d (%s%d)", name, p.Row, p.Col, ColumnName(p.Col), p.Row)
	}
	return fmt.Sprintf("%s:%d:%d", name, p.Row, p.Col)
}

// ColumnName returns a spreadsheet's name for column n (from 1): A, Z, AA.
func ColumnName(n int) string {
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}

// InputError is a problem with one cell or row of an input file.
// Its message names the position, the column and what is wrong:
//
//	register.csv:7:10: funds_vnd: "1.234" is ambiguous …
type InputError struct {
	Pos    Pos
	Column string // the column's header as written in the file, if known
	Msg    msg.Text
}

// Error returns the problem in English.
func (e *InputError) Error() string { return e.In(msg.EN) }

// In writes the problem in language l: FILE:ROW:COLUMN: column: message,
// the column's header quoted when it is long or holds unusual characters.
func (e *InputError) In(l msg.Lang) string {
	if e.Column != "" {
		return fmt.Sprintf("%s: %s: %s", e.Pos, msg.Shorten(e.Column, 40), e.Msg.In(l))
	}
	return fmt.Sprintf("%s: %s", e.Pos, e.Msg.In(l))
}
