package templates

import (
	"reflect"
	"testing"
)

// Every text is there in both languages.
func TestLoad(t *testing.T) {
	texts, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	v := reflect.ValueOf(*texts)
	for i := range v.NumField() {
		name := v.Type().Field(i).Name
		switch f := v.Field(i).Interface().(type) {
		case Text:
			if f.VI == "" || f.EN == "" {
				t.Errorf("%s: %+v", name, f)
			}
		case map[string]Text:
			if len(f) == 0 {
				t.Errorf("%s is empty", name)
			}
			for k, tx := range f {
				if tx.VI == "" || tx.EN == "" {
					t.Errorf("%s[%s]: %+v", name, k, tx)
				}
			}
		}
	}
	for _, k := range []string{"economy", "culture_society", "defense_security", "party_building"} {
		if _, ok := texts.Fields[k]; !ok {
			t.Errorf("no label for field %s", k)
		}
	}
	if texts.Fields["culture_society"].VI != "Văn hóa - Xã hội" {
		t.Errorf("culture_society = %q", texts.Fields["culture_society"].VI)
	}
}
