// Package templates embeds the texts of dvkreport's reports: titles,
// headings, column and field labels and the names of known extra
// indicators, in Vietnamese and English. Load parses them into a typed
// value; the package holds no state and no logic.
package templates

import (
	_ "embed"
	"encoding/json"
	"fmt"
)

//go:embed texts.json
var textsJSON []byte

// Text is one text in both report languages.
type Text struct {
	VI string `json:"vi"`
	EN string `json:"en"`
}

// Texts are every text a report prints.
type Texts struct {
	Title              Text            `json:"title"`
	Subtitle           Text            `json:"subtitle"`
	AllLocalities      Text            `json:"all_localities"`
	Period             Text            `json:"period"`
	Level              map[string]Text `json:"level"`
	KeyFigures         Text            `json:"key_figures"`
	Models             Text            `json:"models"`
	New                Text            `json:"new"`
	Sustained          Text            `json:"sustained"`
	Funds              Text            `json:"funds"`
	Households         Text            `json:"households"`
	Beneficiaries      Text            `json:"beneficiaries"`
	Fields             map[string]Text `json:"fields"`
	Unclassified       Text            `json:"unclassified"`
	ChartModels        Text            `json:"chart_models"`
	ChartFunds         Text            `json:"chart_funds"`
	ChartQuarterModels Text            `json:"chart_quarter_models"`
	ChartQuarterFunds  Text            `json:"chart_quarter_funds"`
	Others             Text            `json:"others"`
	TableHeading       Text            `json:"table_heading"`
	Number             Text            `json:"number"`
	Locality           Text            `json:"locality"`
	Total              Text            `json:"total"`
	FundsMillion       Text            `json:"funds_million"`
	Wide               Text            `json:"wide"`
	Extras             Text            `json:"extras"`
	Indicator          Text            `json:"indicator"`
	Value              Text            `json:"value"`
	Indicators         map[string]Text `json:"indicators"`
	Sources            Text            `json:"sources"`
	Page               Text            `json:"page"`
	Notes              Text            `json:"notes"`
	Generated          Text            `json:"generated"`
	Subject            Text            `json:"subject"`
	Author             Text            `json:"author"`
}

// Load parses the embedded texts.
func Load() (*Texts, error) {
	var t Texts
	if err := json.Unmarshal(textsJSON, &t); err != nil {
		return nil, fmt.Errorf("templates: texts.json: %w", err)
	}
	return &t, nil
}
