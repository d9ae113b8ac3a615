// Package charset detects and decodes the character sets in which
// Vietnamese offices really save registers as CSV, turning bytes into
// UTF-8 text in Unicode normalisation form C (NFC).
//
// Supported charsets:
//
//   - UTF-8, with or without a byte order mark (BOM);
//   - UTF-16 little- and big-endian, normally with a BOM (what Excel writes
//     as "Unicode text", tab separated);
//   - Windows-1258 (cp1258), whose Vietnamese letters are mostly a base
//     letter followed by a combining tone mark;
//   - TCVN3, the TCVN 5712:1993 byte encoding of the ".Vn" fonts of the ABC
//     input system, decoded exactly as glibc's iconv "TCVN5712-1" does
//     (see [TCVN3] for what that means for capital letters);
//   - VNI, the byte encoding of the "VNI-Times" fonts, in which most
//     letters are a base byte followed by a diacritic byte.
//
// The TCVN3 table is checked, byte by byte and letter by letter, against
// vectors made with glibc's iconv (testdata/make-iconv-vectors.sh). glibc
// has no VNI; its table here comes from the VNI-WIN table of UniKey's VnConv
// library and agrees entry for entry with the independent npm package
// vietnamese-conversion; the tests check it against strings published with
// those converters and by round trips.
//
// [Detect] guesses the charset of a file: a BOM first, then a UTF-16
// pattern of zero bytes, then UTF-8 validity, and otherwise, among
// Windows-1258, TCVN3 and VNI, the one whose decoding reads most like
// Vietnamese: the share of words that are well-formed Vietnamese syllables
// (initial consonant, vowel cluster, final consonant, one tone mark in
// the right place), less stray symbols and control characters.
//
// [Decode] converts bytes in a known charset (or [Auto], which detects it)
// into NFC UTF-8 text without the BOM. Bytes that the charset does not
// define are an error (*[DecodeError]) naming the byte offset and line;
// nothing is ever replaced silently by U+FFFD.
//
// [Encode] goes the other way; it exists mainly to write test fixtures in
// legacy charsets. [Parse] reads the value of an --encoding option, and a
// *[Charset] can itself serve as a flag.Value.
//
// Decoding is a table-driven byte loop that composes Vietnamese tone marks
// itself and falls back to golang.org/x/text/unicode/norm only for text it
// cannot prove normalised, so that a 10 MB register decodes in a few tens of
// milliseconds.
package charset
