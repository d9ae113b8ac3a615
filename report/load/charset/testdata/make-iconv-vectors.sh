#!/bin/sh
# make-iconv-vectors.sh regenerates the glibc iconv test vectors of package
# charset. Run it from this directory with glibc's iconv on the PATH:
#
#	sh make-iconv-vectors.sh
#
# It writes:
#   tcvn3-vectors.txt   every Vietnamese letter encoded with -t TCVN5712-1
#   cp1258-vectors.txt  every Vietnamese letter encoded with -t CP1258
#   tcvn3-bytes.txt     every byte 00-FF decoded with -f TCVN5712-1
#   cp1258-bytes.txt    every byte 00-FF decoded with -f CP1258
set -eu
export LC_ALL=C.UTF-8

# The 134 precomposed Vietnamese letters: a ă â e ê i o ô ơ u ư y with the
# five tones, the seven bare letters with their own diacritics, and đ, each
# small then capital.
LETTERS="à À á Á ả Ả ã Ã ạ Ạ
ă Ă ằ Ằ ắ Ắ ẳ Ẳ ẵ Ẵ ặ Ặ
â Â ầ Ầ ấ Ấ ẩ Ẩ ẫ Ẫ ậ Ậ
è È é É ẻ Ẻ ẽ Ẽ ẹ Ẹ
ê Ê ề Ề ế Ế ể Ể ễ Ễ ệ Ệ
ì Ì í Í ỉ Ỉ ĩ Ĩ ị Ị
ò Ò ó Ó ỏ Ỏ õ Õ ọ Ọ
ô Ô ồ Ồ ố Ố ổ Ổ ỗ Ỗ ộ Ộ
ơ Ơ ờ Ờ ớ Ớ ở Ở ỡ Ỡ ợ Ợ
ù Ù ú Ú ủ Ủ ũ Ũ ụ Ụ
ư Ư ừ Ừ ứ Ứ ử Ử ữ Ữ ự Ự
ỳ Ỳ ý Ý ỷ Ỷ ỹ Ỹ ỵ Ỵ
đ Đ"

version=$(iconv --version | head -n 1)

letters() { # letters ICONV-CHARSET NAME
	echo "# $2 test vectors: each of the 134 precomposed Vietnamese letters"
	echo "# encoded by glibc's iconv, made by testdata/make-iconv-vectors.sh with"
	echo "# $version, one command per letter:"
	echo "#   printf '%s' LETTER | iconv -f UTF-8 -t $1 | od -An -tx1"
	echo "# Format: the bytes in hex, a tab, the letter in UTF-8 (NFC)."
	for l in $LETTERS; do
		hex=$(printf '%s' "$l" | iconv -f UTF-8 -t "$1" | od -An -tx1 | tr -d ' \n')
		printf '%s\t%s\n' "$hex" "$l"
	done
}

bytes() { # bytes ICONV-CHARSET NAME
	echo "# $2 decoding of every byte by glibc's iconv, made by"
	echo "# testdata/make-iconv-vectors.sh with $version, one command per byte:"
	echo "#   printf '\\\\NNN' | iconv -f $1 -t UTF-32BE | od -An -tx1  (NNN: the byte in octal)"
	echo "# Format: the byte in hex, a tab, the code point(s) or \"illegal\"."
	for i in $(seq 0 255); do
		h=$(printf '%02x' "$i")
		o=$(printf '%03o' "$i")
		if u=$(printf "\\$o" | iconv -f "$1" -t UTF-32BE 2>/dev/null | od -An -tx1 | tr -d ' \n'); [ -n "$u" ]; then
			cps=$(echo "$u" | sed 's/\(........\)/\1 /g' | awk '{for (i = 1; i <= NF; i++) printf "%sU+%s", (i > 1 ? " " : ""), toupper(substr($i, 5))}')
			printf '%s\t%s\n' "$h" "$cps"
		else
			printf '%s\tillegal\n' "$h"
		fi
	done
}

letters TCVN5712-1 TCVN3 >tcvn3-vectors.txt
letters CP1258 Windows-1258 >cp1258-vectors.txt
bytes TCVN5712-1 TCVN3 >tcvn3-bytes.txt
bytes CP1258 Windows-1258 >cp1258-bytes.txt
