package validate

import (
	"strings"
	"unicode"

	"github.com/dvkreport/dvkreport/report/record"
)

// column is a column of the input contract, or one the reader knows to
// leave out.
type column uint8

const (
	colNone column = iota
	colProvince
	colDistrict
	colCommune
	colUnit
	colModel
	colField
	colStatus
	colPeriod
	colCount
	colFunds
	colHouseholds
	colBeneficiaries
	colSource
	colRowNumber // STT, TT: the row's number in the table, never a figure
	colNote      // Ghi chú: text, never a figure
	numColumns
)

var columnKeys = [numColumns]string{
	"", "province", "district", "commune", "unit", "model", "field", "status", "period",
	"count", "funds_vnd", "households", "beneficiaries", "source", "row_number", "note",
}

// headerAliases maps the headers registers are written with, compacted by
// record.Compact (no case, diacritics, spaces or punctuation), to their
// column. The list comes from real registers (testdata/headers.csv holds
// them with their meaning); headerRules catch the wordings it lacks.
var headerAliases = func() map[string]column {
	m := map[string]column{}
	add := func(c column, names ...string) {
		for _, n := range names {
			m[record.Compact(n)] = c
		}
	}
	add(colProvince, "province", "tinh", "tỉnh", "tỉnh/thành phố", "tinh_thanh", "tỉnh, thành phố", "thành phố",
		"tỉnh, thành", "tên tỉnh", "địa bàn tỉnh", "tỉnh/thành", "tỉnh thành phố trực thuộc trung ương", "tỉnh/tp", "tỉnh, tp")
	add(colDistrict, "district", "huyen", "huyện", "quận/huyện", "huyện/quận", "huyện, thị xã, thành phố",
		"quận, huyện, thị xã", "huyện/thị xã/thành phố", "tên huyện", "đơn vị cấp huyện")
	add(colCommune, "commune", "xa", "xã", "xã/phường", "phuong", "ward", "xã/phường/thị trấn", "xã, phường, đặc khu",
		"xã, phường", "xã, phường, thị trấn", "phường/xã", "tên xã", "xã/phường/đặc khu", "đơn vị cấp xã", "địa bàn xã")
	add(colUnit, "unit", "đơn vị", "don_vi", "organisation", "organization", "đơn vị thực hiện", "đơn vị đăng ký",
		"cơ quan, đơn vị", "đơn vị chủ trì", "tổ chức thực hiện", "đơn vị xây dựng", "cơ quan đơn vị")
	add(colModel, "model", "name", "tên mô hình", "ten_mo_hinh", "mô hình", "tên mô hình, điển hình",
		"tên mô hình dân vận khéo", "mô hình, điển hình", "tên mô hình/điển hình", "tên mô hình điển hình dân vận khéo")
	add(colField, "field", "lĩnh vực", "linh_vuc", "lĩnh vực thực hiện", "thuộc lĩnh vực")
	add(colStatus, "status", "tình trạng", "tinh_trang", "trạng thái", "mới/duy trì", "xây dựng mới/duy trì",
		"loại mô hình (mới, duy trì)", "mới hay duy trì")
	add(colPeriod, "period", "kỳ", "kỳ báo cáo", "ky_bao_cao", "thời gian", "quý", "thời điểm", "kỳ số liệu", "quý/năm")
	add(colCount, "count", "số mô hình", "so_mo_hinh", "models", "số lượng", "số lượng mô hình", "số mô hình, điển hình")
	add(colFunds, "funds_vnd", "kinh phí huy động", "kinh_phi", "funds", "kinh phí", "kinh phí (đồng)", "funds (vnd)",
		"tổng kinh phí", "kinh phí huy động được", "nguồn lực huy động", "số tiền huy động", "tổng kinh phí huy động",
		"giá trị huy động")
	add(colHouseholds, "households", "số hộ", "so_ho", "số hộ được hỗ trợ", "số hộ hưởng lợi", "số hộ được hưởng lợi",
		"hộ hưởng lợi", "hộ được hỗ trợ", "số hộ tham gia")
	add(colBeneficiaries, "beneficiaries", "số người hưởng lợi", "nguoi_huong_loi", "số người", "số người được hưởng lợi",
		"người hưởng lợi", "số người được hỗ trợ", "số người thụ hưởng", "lượt người hưởng lợi")
	add(colSource, "source", "nguồn", "nguon", "nguồn số liệu", "nguồn tin", "nguồn thông tin")
	add(colRowNumber, "stt", "tt", "số tt", "số thứ tự", "no", "no.", "#")
	add(colNote, "ghi chú", "ghi_chu", "note", "notes", "chú thích", "ghi chú khác")
	return m
}()

// headerRules read the wordings no alias lists: a compacted header that
// starts with prefix belongs to the column. The first rule that matches
// wins, so the more specific come first.
var headerRules = []struct {
	prefix string
	col    column
}{
	{"tenmohinh", colModel},
	{"kinhphihuydong", colFunds},
	{"tongkinhphi", colFunds},
	{"sohohuongloi", colHouseholds},
	{"sohoduochotro", colHouseholds},
	{"songuoihuongloi", colBeneficiaries},
	{"songuoiduochuongloi", colBeneficiaries},
	{"donvithuchien", colUnit},
	{"linhvuc", colField},
	{"kybaocao", colPeriod},
	{"ghichu", colNote},
}

// required are the columns a register must have; the period may instead
// be the sheet's (in its title or name) or given with --assume-period.
var required = []column{colProvince, colField, colPeriod}

// headerKey is a header compacted for matching, without its units (see
// splitUnit) and marks in brackets, a leading number ("1. Tỉnh", "(2) Xã")
// or trailing stars.
func headerKey(h string) string {
	h, _ = splitUnit(h) // folded
	h = strings.TrimSpace(strings.TrimRight(h, "*: "))
	k := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, h) // record.Compact, on a folded text
	// A leading number: "1tinh" from "1. Tỉnh"; not "stt" nor a name that
	// is a number.
	i := 0
	for i < len(k) && k[i] >= '0' && k[i] <= '9' {
		i++
	}
	if i > 0 && i < len(k) && i <= 2 {
		k = k[i:]
	}
	return k
}

// matchHeader returns the column a header names, if any.
func matchHeader(h string) column {
	k := headerKey(h)
	if k == "" {
		return colNone
	}
	if c, ok := headerAliases[k]; ok {
		return c
	}
	if c, ok := headerAliases[record.Compact(h)]; ok {
		return c
	}
	for _, r := range headerRules {
		if strings.HasPrefix(k, r.prefix) {
			return r.col
		}
	}
	return colNone
}

// nearHeader returns the contract column whose alias a header comes
// within two edits of (a misspelt "Lĩnh vưc", "kinh phi huy dng"), for a
// "did you mean", or colNone.
func nearHeader(h string) column {
	k := headerKey(h)
	if len(k) < 4 {
		return colNone
	}
	best, bestD := colNone, 3
	for alias, c := range headerAliases {
		if c == colRowNumber || c == colNote || abs(len(alias)-len(k)) >= bestD {
			continue
		}
		if d := editDistance(alias, k, bestD); d < bestD && d <= len(k)/4+1 {
			best, bestD = c, d
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance is the Levenshtein distance between two ASCII strings, or
// limit when it is limit or more.
func editDistance(a, b string, limit int) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			low = min(low, cur[j])
		}
		if low >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit)
}

// IsHeader reports whether a row of cells is a register's header: it names
// the contract's required columns (province, field and period) under any of
// their accepted headers.
func IsHeader(cells []string) bool {
	found := map[column]bool{}
	for _, c := range cells {
		found[matchHeader(c)] = true
	}
	for _, c := range required {
		if !found[c] {
			return false
		}
	}
	return true
}
