// Package synth writes synthetic but realistic registers for benchmarks
// and load tests: 34 provinces with about 97 communes each (about 3,300 in
// all, as after the 2025 reform), Vietnamese commune and model names,
// eight quarters, and a share of group rows that report several models at
// once. The same arguments always give the same bytes.
package synth

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
)

// The 34 provinces and centrally-run cities from 1 July 2025.
var provinces = []string{
	"Hà Nội", "Cao Bằng", "Tuyên Quang", "Điện Biên", "Lai Châu", "Sơn La", "Lào Cai", "Thái Nguyên",
	"Lạng Sơn", "Quảng Ninh", "Bắc Ninh", "Phú Thọ", "Hải Phòng", "Hưng Yên", "Ninh Bình", "Thanh Hóa",
	"Nghệ An", "Hà Tĩnh", "Quảng Trị", "Huế", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa",
	"Đắk Lắk", "Lâm Đồng", "Đồng Nai", "Hồ Chí Minh", "Tây Ninh", "Đồng Tháp", "Vĩnh Long", "An Giang",
	"Cần Thơ", "Cà Mau",
}

var syllables = []string{
	"An", "Bình", "Phú", "Tân", "Hòa", "Thành", "Long", "Phước", "Mỹ", "Đông", "Tây", "Nam", "Bắc", "Sơn",
	"Hải", "Thạnh", "Lộc", "Quang", "Đức", "Hưng", "Thuận", "Vĩnh", "Xuân", "Yên", "Trung", "Lâm", "Hiệp",
	"Nghĩa", "Khánh", "Thịnh", "Đồng", "Kim", "Ngọc", "Tiến", "Hợp", "Cường", "Định", "Lạc", "Minh", "Quý",
}

var models = []string{
	"Dân vận khéo trong xây dựng nông thôn mới", "Tổ tiết kiệm và vay vốn", "Khu dân cư an toàn về an ninh trật tự",
	"Chi hội phụ nữ 5 không 3 sạch", "Cựu chiến binh giúp nhau phát triển kinh tế", "Xóa nhà tạm, nhà dột nát",
	"Đường hoa, đường cờ Tổ quốc", "Camera an ninh khu dân cư", "Sinh hoạt chi bộ theo chuyên đề",
	"Học bổng cho học sinh nghèo vượt khó", "Chuyển đổi số trong cải cách hành chính", "Tổ hòa giải ở cơ sở",
}

var fields = []string{"Kinh tế", "Văn hóa - Xã hội", "Quốc phòng - An ninh", "Xây dựng Đảng và hệ thống chính trị"}

// CommunesPerProvince is how many communes each province has.
const CommunesPerProvince = 97

// Register writes a CSV register of n rows. Rows are spread over the
// communes and eight quarters (2024-Q1 to 2025-Q4); 6 % are group rows
// with a count of 2 to 20 models.
func Register(w io.Writer, n int, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	communes := make([][]string, len(provinces))
	for p := range provinces {
		seen := map[string]bool{}
		for len(communes[p]) < CommunesPerProvince {
			name := syllables[rng.IntN(len(syllables))] + " " + syllables[rng.IntN(len(syllables))]
			if seen[name] {
				continue
			}
			seen[name] = true
			kind := "Xã "
			if rng.IntN(5) == 0 {
				kind = "Phường "
			}
			communes[p] = append(communes[p], kind+name)
		}
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := csv.NewWriter(bw)
	if err := cw.Write(strings.Split("province,commune,unit,model,field,status,period,count,funds_vnd,households,beneficiaries,source", ",")); err != nil {
		return err
	}
	for i := range n {
		p := i % len(provinces)
		c := communes[p][(i/len(provinces))%CommunesPerProvince]
		q := rng.IntN(8)
		period := fmt.Sprintf("%d-Q%d", 2024+q/4, q%4+1)
		count := 1
		if rng.IntN(100) < 6 {
			count = 2 + rng.IntN(19)
		}
		status := "Xây dựng mới"
		if rng.IntN(3) == 0 {
			status = "Duy trì"
		}
		funds := int64(rng.IntN(500)) * 1_000_000
		err := cw.Write([]string{
			provinces[p], c, "Ủy ban MTTQ " + strings.TrimPrefix(strings.TrimPrefix(c, "Xã "), "Phường "),
			models[rng.IntN(len(models))], fields[rng.IntN(len(fields))], status, period,
			strconv.Itoa(count), strconv.FormatInt(funds, 10), strconv.Itoa(rng.IntN(40)), strconv.Itoa(rng.IntN(200)), "synthetic",
		})
		if err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
