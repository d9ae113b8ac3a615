package validate

import (
	"regexp"
	"strings"

	"github.com/dvkreport/dvkreport/report/record"
)

// Message writes a problem for the user, in English (lang "en") or
// Vietnamese ("vi"): FILE:ROW:COLUMN: column: message.
func Message(e *record.InputError, lang string) string {
	if lang != "vi" {
		return e.Error()
	}
	v := *e
	v.Msg = Vietnamese(e.Msg)
	return v.Error()
}

// viRules turn the English messages of this package, of record's period
// parser and of package names into Vietnamese. Each rule is tried in
// order; $n in a rule's text is the n-th group, translated in turn when the
// rule lists it in sub.
var viRules = []struct {
	re  *regexp.Regexp
	vi  string
	sub []int // groups that are themselves messages
}{
	{regexp.MustCompile(`^warning: (.*)$`), "cảnh báo: $1", []int{1}},
	{regexp.MustCompile(`^(.*); did you mean (.*)\?$`), "$1; có phải là $2?", []int{1}},
	{regexp.MustCompile(`^(".*") is ambiguous: .*$`), "$1 không rõ dấu chấm, dấu phẩy là phân cách hàng nghìn hay thập phân: hãy viết số không có dấu phân cách, hoặc để các số khác trong tệp cho thấy cách viết", nil},
	{regexp.MustCompile(`^(".*") is negative$`), "$1 là số âm", nil},
	{regexp.MustCompile(`^(".*") is not a whole number of đồng$`), "$1 không phải là số đồng nguyên", nil},
	{regexp.MustCompile(`^(".*") is not a whole number$`), "$1 không phải là số nguyên", nil},
	{regexp.MustCompile(`^(".*") is not a number$`), "$1 không phải là số", nil},
	{regexp.MustCompile(`^(".*") is too large$`), "$1 quá lớn", nil},
	{regexp.MustCompile(`^(".*") is in scientific notation.*$`), "$1 ở dạng số mũ, đã mất chữ số: hãy định dạng cột là số", nil},
	{regexp.MustCompile(`^(".*"): a unit is allowed only in money columns$`), "$1: chỉ cột kinh phí mới được ghi đơn vị", nil},
	{regexp.MustCompile(`^(".*") has misplaced thousands separators$`), "$1 đặt sai dấu phân cách hàng nghìn", nil},
	{regexp.MustCompile(`^(".*") mixes separators$`), "$1 lẫn lộn các dấu phân cách", nil},
	{regexp.MustCompile(`^unknown field (".*"): .*$`), "lĩnh vực $1 không hợp lệ: phải là Kinh tế, Văn hóa - Xã hội, Quốc phòng - An ninh hoặc Xây dựng Đảng và hệ thống chính trị", nil},
	{regexp.MustCompile(`^unknown status (".*"): .*$`), "tình trạng $1 không hợp lệ: phải là Xây dựng mới hoặc Duy trì", nil},
	{regexp.MustCompile(`^the province is missing$`), "thiếu tên tỉnh, thành phố", nil},
	{regexp.MustCompile(`^the period is missing$`), "thiếu kỳ báo cáo", nil},
	{regexp.MustCompile(`^no (\w+) column in the header \(found: (.*)\)$`), "dòng tiêu đề thiếu cột $1 (các cột có: $2)", nil},
	{regexp.MustCompile(`^a second (\w+) column \(the first is column (\d+), (".*")\)$`), "cột $1 thứ hai (cột thứ nhất là cột $2, $3)", nil},
	{regexp.MustCompile(`^the model (".*") of (\S+) is reported again \(first at (.*), same locality, field and period\).*$`), "mô hình $1 kỳ $2 được báo cáo hai lần (lần đầu ở $3, cùng địa bàn, lĩnh vực và kỳ): hãy bỏ một dòng, hoặc đặt tên khác nhau", nil},
	// Periods: "Q5/2025": there is no quarter 5.
	{regexp.MustCompile(`^(".*"): (.*)$`), "$1: $2", []int{2}},
	{regexp.MustCompile(`^there is no quarter (\d+)$`), "không có quý $1", nil},
	{regexp.MustCompile(`^there is no half-year (\d+)$`), "không có nửa năm thứ $1", nil},
	{regexp.MustCompile(`^(".*") is not a year$`), "$1 không phải là năm", nil},
	{regexp.MustCompile(`^there is no such day$`), "không có ngày này", nil},
	{regexp.MustCompile(`^(".*") is not a quarter number$`), "$1 không phải là số quý", nil},
	{regexp.MustCompile(`^year (\d+) is out of range (\d+)–(\d+)$`), "năm $1 nằm ngoài khoảng $2–$3", nil},
	{regexp.MustCompile(`^ends before it starts$`), "kết thúc trước khi bắt đầu", nil},
	{regexp.MustCompile(`^empty$`), "để trống", nil},
	{regexp.MustCompile(`^more than one quarter or half marker$`), "ghi hơn một quý hoặc nửa năm", nil},
	{regexp.MustCompile(`^want a quarter or half with its year.*$`), "cần ghi quý hoặc nửa năm kèm năm, ví dụ 2025-Q3 hoặc Quý III/2025", nil},
	// Locality names (package names).
	{regexp.MustCompile(`^(province|district|commune) (".*") is not among the 2025 units$`), "$1 $2 không có trong danh mục đơn vị hành chính từ 01/7/2025", []int{1}},
	{regexp.MustCompile(`^(province|district|commune) (".*") is not among the units before 1 July 2025$`), "$1 $2 không có trong danh mục đơn vị hành chính trước 01/7/2025", []int{1}},
	{regexp.MustCompile(`^(province|district|commune) (".*") is not in (.*); a (?:province|district|commune) of that name is in (.*)$`), "$1 $2 không thuộc $3; đơn vị cùng tên thuộc $4", []int{1}},
	{regexp.MustCompile(`^(province|district|commune) (".*") names several units \((.*)\): add the district$`), "$1 $2 trùng tên nhiều đơn vị ($3): hãy ghi thêm huyện", []int{1}},
	{regexp.MustCompile(`^province$`), "tỉnh", nil},
	{regexp.MustCompile(`^district$`), "huyện", nil},
	{regexp.MustCompile(`^commune$`), "xã", nil},
}

// Vietnamese translates a message of this package to Vietnamese; a message
// it does not know is returned as it is.
func Vietnamese(msg string) string {
	for _, r := range viRules {
		m := r.re.FindStringSubmatchIndex(msg)
		if m == nil {
			continue
		}
		groups := make([]string, len(m)/2)
		for i := range groups {
			if m[2*i] >= 0 {
				groups[i] = msg[m[2*i]:m[2*i+1]]
			}
		}
		for _, g := range r.sub {
			groups[g] = Vietnamese(groups[g])
		}
		out := r.vi
		for i := len(groups) - 1; i >= 1; i-- {
			out = strings.ReplaceAll(out, "$"+string(rune('0'+i)), groups[i])
		}
		return out
	}
	return msg
}
