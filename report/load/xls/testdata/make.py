#!/usr/bin/python3
"""Makes the .xls test files of package xls.

    cd report/load/xls/testdata && /usr/bin/python3 make.py

Needs Debian's python3-xlwt (apt-get install python3-xlwt) and, for the
files that LibreOffice writes (formulas with cached results, rich text, an
Excel 95 workbook), libreoffice-calc-nogui; without it those files are left
as they are. The files are committed, so that the tests need neither tool.

Files:
  basic.xls      xlwt: Vietnamese text, numbers, dates, booleans, errors,
                 merged cells, a row with gaps, a hidden, a second and an
                 empty sheet, a formula (xlwt writes no cached result).
  sst.xls        xlwt: 3000 distinct strings, Latin-1 and UTF-16, short and
                 long, so that the SST goes on in many CONTINUE records and
                 strings are split across them; sst.json lists them.
  date1904.xls   xlwt: the 1904 date system.
  encrypted.xls  basic.xls's stream with a FILEPASS record put in.
  formulas.xls   LibreOffice, from a .fods file: cached formula results of
                 every kind, a rich-text cell, a long string result, MULRK.
  formulas1904.xls  the same in the 1904 date system.
  uncomputed.xls xlwt: a register whose funds are formulas (=H2+I2, the
                 sum of its sources), which xlwt writes without their values.
  subtotal.xls   LibreOffice, from a .fods file: a register whose last row
                 sums its columns with SUBTOTAL(109;…) under a filter that
                 hides a row (so it does not add up), and a sheet of
                 formulas that sum a column or do not (SUM written as
                 tAttrSum, SUBTOTAL(9;…), a row's sum, a range holding
                 its own cell, another column's), some copied down a
                 column, which LibreOffice writes as a shared formula.
  biff5.xls      an Excel 5.0/95 workbook made by hand (LibreOffice no
                 longer writes them): a BIFF5 stream in a "Book" stream.
"""

import datetime
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unicodedata

import xlwt
from xlwt import CompoundDoc

HERE = os.path.dirname(os.path.abspath(__file__))

TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]  # none, sắc, huyền, hỏi, ngã, nặng
VOWELS = "aăâeêioôơuưy"


def vietnamese_letters():
    """Every Vietnamese letter with a diacritic or tone, lower then upper
    case, in NFC: the vowels with each of the six tones (none included), and
    đ."""
    out = []
    for case in (str.lower, str.upper):
        for v in VOWELS:
            for t in TONES:
                out.append(unicodedata.normalize("NFC", case(v) + t))
        out.append(case("đ"))
    return "".join(out)


LETTERS = vietnamese_letters()

# The cells of basic.xls's first sheet that the Go test checks, by row.
TEXTS = [
    "Tỉnh/thành phố",
    "Dân vận khéo",
    "Ngày",  # fits Latin-1: xlwt stores it compressed
    "Café crème",  # Latin-1 beyond ASCII
    LETTERS,
    "Mô hình 😀 emoji",  # a surrogate pair
    "x" * 300,  # longer than 255
]


def basic():
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Dữ liệu")
    for i, t in enumerate(TEXTS):
        ws.write(i, 0, t)  # rows 1-7, column A
    numbers = [0, 1, -1, -3, 3410000000, 0.1, 1.5, 1e21, 1.5e21, 123456.789, -0.5, 2**53, 1e-7, 1234567.25]
    for i, v in enumerate(numbers):
        ws.write(i, 1, v)  # rows 1-14, column B
    date = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    stamp = xlwt.easyxf(num_format_str="YYYY-MM-DD HH:MM")
    ws.write(0, 2, datetime.date(2025, 7, 15), date)  # 45853
    ws.write(1, 2, datetime.datetime(2025, 7, 15, 12, 0), stamp)  # 45853.5
    ws.write(2, 2, 45853)  # the same number, no date format
    ws.write(0, 3, True)
    ws.write(1, 3, False)
    ws.row(2).set_cell_error(3, 0x07)  # #DIV/0!
    ws.row(3).set_cell_error(3, 0x2A)  # #N/A (xlwt maps some names wrongly: codes)
    ws.write(4, 3, xlwt.Formula("B2+B3"))  # xlwt writes no cached value
    ws.write(5, 3, "")  # an empty string
    ws.write_merge(15, 16, 0, 2, "Gộp ô")  # A16:C17
    ws.write_merge(17, 17, 3, 5, "Hàng")  # D18:F18
    # A row with gaps: A20, E20, I20.
    ws.write(19, 0, "đầu")
    ws.write(19, 4, 5)
    ws.write(19, 8, "cuối")
    ws.write(20, 2, None)  # a blank cell only: no row
    ws.write(21, 255, "IV")  # the last column
    hidden = wb.add_sheet("Ẩn")
    hidden.visibility = 1
    hidden.write(0, 0, "hidden")
    second = wb.add_sheet("Sheet2")
    second.write(2, 1, "B3")
    second.write(3, 0, 42)
    wb.add_sheet("Trống")
    return wb


def sst_strings():
    words = ["Lạng Sơn", "Kinh tế", "Quý III", "Ngày", "tháng", "năm", "Phường", "xã", "Hội", "Đoàn"]
    out = []
    for i in range(3000):
        w = words[i % len(words)]
        if i % 7 == 0:
            s = "ascii %d " % i + "abcdefghij" * (i % 40)
        elif i % 11 == 0:
            s = "%s %d " % (w, i) + LETTERS[: (i * 13) % len(LETTERS)]
        else:
            s = "%s %d" % (w, i)
        out.append(s)
    return out


def sst():
    strings = sst_strings()
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("SST")
    for i, s in enumerate(strings):
        ws.write(i, 0, s)
    with open(os.path.join(HERE, "sst.json"), "w", encoding="utf-8") as f:
        json.dump(strings, f, ensure_ascii=False, indent=0)
    return wb


def date1904():
    wb = xlwt.Workbook(encoding="utf-8")
    wb.dates_1904 = True
    ws = wb.add_sheet("1904")
    ws.write(0, 0, datetime.date(2025, 7, 15), xlwt.easyxf(num_format_str="D/M/YYYY"))  # stored 44391
    ws.write(0, 1, 44391)  # a plain number
    ws.write(0, 2, datetime.datetime(2025, 7, 15, 6, 0), xlwt.easyxf(num_format_str="[$-42A]DD/MM/YYYY HH:MM"))
    ws.write(0, 3, 0.5, xlwt.easyxf(num_format_str='#,##0.00 "đ"'))  # not a date
    return wb


def records(stream):
    """Splits a BIFF stream into (type, body) records, up to the padding."""
    out, off = [], 0
    while off + 4 <= len(stream):
        typ, n = struct.unpack_from("<HH", stream, off)
        if typ == 0 and n == 0:
            break
        out.append((typ, stream[off + 4 : off + 4 + n]))
        off += 4 + n
    return out


def encrypted(basic_wb):
    """basic.xls's stream with an RC4 FILEPASS record after its BOF. The
    rest is not encrypted, but a reader must stop at FILEPASS."""
    stream = basic_wb.get_biff_data()
    typ, n = struct.unpack_from("<HH", stream, 0)
    # FILEPASS, RC4 encryption: type 1, version 1.1, salt, verifier, hash.
    body = struct.pack("<HHH", 1, 1, 1) + bytes(range(48))
    filepass = struct.pack("<HH", 0x002F, len(body)) + body
    return stream[: 4 + n] + filepass + stream[4 + n :]


def save_stream(path, stream, name="Workbook"):
    """Writes a BIFF stream in a compound file, as its stream name."""
    with tempfile.TemporaryFile() as f:
        CompoundDoc.XlsDoc().save(f, stream)
        f.seek(0)
        data = bytearray(f.read())
    if name != "Workbook":
        old = "Workbook\0".encode("utf-16-le")
        at = data.index(old)
        new = (name + "\0").encode("utf-16-le")
        data[at : at + len(old)] = new.ljust(len(old), b"\0")
        struct.pack_into("<H", data, at + 64, len(new))
    with open(path, "wb") as f:
        f.write(data)


def rec(typ, body):
    return struct.pack("<HH", typ, len(body)) + body


def biff5():
    """A minimal Excel 5.0/95 workbook stream: globals with one BOUNDSHEET,
    and a worksheet with one LABEL (BIFF5 strings are 8-bit, code page)."""
    def bof(dt):
        return rec(0x0809, struct.pack("<HHHH", 0x0500, dt, 0x0DBB, 0x07CC))
    eof = rec(0x000A, b"")
    name = b"Sheet1"
    codepage = rec(0x0042, struct.pack("<H", 1252))
    boundsheet_len = 4 + 4 + 2 + 1 + len(name)
    globals_len = len(bof(5)) + len(codepage) + boundsheet_len + len(eof)
    boundsheet = rec(0x0085, struct.pack("<IBBB", globals_len, 0, 0, len(name)) + name)
    text = b"Excel 95"
    label = rec(0x0204, struct.pack("<HHHH", 0, 0, 15, len(text)) + text)
    stream = bof(5) + codepage + boundsheet + eof + bof(0x10) + label + eof
    assert len(bof(5) + codepage + boundsheet + eof) == globals_len
    return stream


FODS = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:fo="urn:oasis:names:xsl-formatting:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
  <number:date-style style:name="N1"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
  <style:style style:name="D1" style:family="table-cell" style:data-style-name="N1"/>
 </office:automatic-styles>
 <office:body><office:spreadsheet>
  <table:calculation-settings><table:null-date table:date-value="%(nulldate)s"/></table:calculation-settings>
  <table:table table:name="Công thức">
   <table:table-row>
    <table:table-cell office:value-type="float" office:value="2"/>
    <table:table-cell office:value-type="float" office:value="3"/>
    <table:table-cell table:formula="of:=[.A1]*[.B1]"/>
    <table:table-cell table:formula="of:=[.A1]/4"/>
    <table:table-cell table:formula="of:=&quot;Ngày &quot;&amp;&quot;tháng năm&quot;"/>
    <table:table-cell table:formula="of:=[.A1]&gt;1"/>
    <table:table-cell table:formula="of:=1/0"/>
    <table:table-cell table:formula="of:=NA()"/>
    <table:table-cell table:formula="of:=&quot;&quot;"/>
    <table:table-cell table:formula="of:=[.A1]*1705000000"/>
   </table:table-row>
   <table:table-row>
    <table:table-cell office:value-type="string"><text:p>Dân <text:span text:style-name="T1">vận khéo</text:span> 2025</text:p></table:table-cell>
    <table:table-cell table:formula="of:=REPT(&quot;Ễ&quot;;5000)"/>
    <table:table-cell office:value-type="date" office:date-value="2025-07-15" table:style-name="D1"/>
    <table:table-cell table:formula="of:=[.A1]&lt;1"/>
   </table:table-row>
   <table:table-row>
    %(mulrk)s
   </table:table-row>
  </table:table>
  <table:table table:name="Sheet2">
   <table:table-row><table:table-cell office:value-type="string"><text:p>Hai</text:p></table:table-cell></table:table-row>
  </table:table>
 </office:spreadsheet></office:body>
</office:document>
"""


def fods(nulldate):
    # A row of integers, which LibreOffice writes as one MULRK record.
    mulrk = "".join('<table:table-cell office:value-type="float" office:value="%d"/>' % (i * 10) for i in range(1, 11))
    return FODS % {"nulldate": nulldate, "mulrk": mulrk}


REGISTER = [
    ["Tỉnh", "Xã", "Đơn vị", "Tên mô hình", "Lĩnh vực", "Tình trạng", "Kỳ báo cáo", "Số mô hình", "Kinh phí huy động", "Số hộ"],
    ["Lạng Sơn", "Xã Ba Sơn", "Hội Nông dân", "Nuôi ong", "Kinh tế", "Mới", "2025-Q3", 1, 10000000, 5],
    ["Lạng Sơn", "Xã Ba Sơn", "Công an xã", "Camera an ninh", "Quốc phòng - An ninh", "Mới", "2025-Q3", 1, 20000000, 0],
    ["Lạng Sơn", "Xã Bắc Sơn", "Hội Phụ nữ", "Tổ liên kết trồng chè", "Kinh tế", "Mới", "2025-Q3", 4, 30000000, 12],
    ["Lạng Sơn", "Xã Bằng Mạc", "Đoàn Thanh niên", "Sân chơi thiếu nhi", "Văn hóa - Xã hội", "Mới", "2025-Q3", 1, 7000000, 0],
]


def fods_cell(v):
    if isinstance(v, int):
        return '<table:table-cell office:value-type="float" office:value="%d"/>' % v
    if v.startswith("="):
        return '<table:table-cell table:formula="of:%s"/>' % v
    if v == "":
        return "<table:table-cell/>"
    return '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % v


def fods_row(cells, attrs=""):
    return "<table:table-row%s>%s</table:table-row>" % (attrs, "".join(fods_cell(v) for v in cells))


def subtotal_fods():
    """The register of subtotal.xls: row 4 (4 models) hidden by a filter on
    the count column, row 6 the SUBTOTAL(109;…) of rows 2 to 5, which
    leaves it out: 3 models, 37 million đồng, 5 households. Then a sheet of
    formulas in rows 2 to 9 of column B, over the numbers of row 1."""
    rows = [fods_row(REGISTER[0])]
    for i, r in enumerate(REGISTER[1:]):
        rows.append(fods_row(r, ' table:visibility="filter"' if i == 2 else ""))
    rows.append(fods_row(["Lạng Sơn", "", "", "", "", "", "2025-Q3"] + ["=SUBTOTAL(109;[.%s2:.%s5])" % (c, c) for c in "HIJ"]))
    sums = [
        [1, 2, 3, 4],
        ["", "=SUM([.B1:.B1])", "=SUM([.C1];[.D1])"],     # one range's SUM (tAttrSum); two arguments
        ["", "=SUBTOTAL(9;[.B1:.B2])", "=SUM([.A1:.D1])"],  # SUBTOTAL(9;…); a row's sum
        ["", "=SUM([.B1:.B4])", "=SUM([.C$1:.C$2])"],      # its own cell in the range; another row's column
        ["", "=SUM([.C1:.C3])"],                           # another column
        ["", "=SUM([.B$1:.B$3])", "=SUM([.A5:.B5])"],       # rows 6 to 8 copied down: a shared formula of B's rows 1 to 3,
        ["", "=SUM([.B$1:.B$3])", "=SUM([.A6:.B6])"],       # and one of each row's sum
        ["", "=SUM([.B$1:.B$3])", "=SUM([.A7:.B7])"],
        ["", "=B1+B2"],                                   # no SUM
    ]
    doc = FODS[: FODS.index("<office:body>")]
    return doc + """<office:body><office:spreadsheet>
  <table:table table:name="Quý III">%s</table:table>
  <table:table table:name="Công thức">%s</table:table>
  <table:database-ranges><table:database-range table:name="__Anonymous_Sheet_DB__0" table:target-range-address="'Quý III'.A1:'Quý III'.J6" table:display-filter-buttons="true">
   <table:filter><table:filter-condition table:field-number="7" table:operator="=" table:value="1" table:data-type="number"/></table:filter>
  </table:database-range></table:database-ranges>
 </office:spreadsheet></office:body>
</office:document>
""" % ("".join(rows), "".join(fods_row(r) for r in sums))


def libreoffice():
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("no LibreOffice: formulas.xls, formulas1904.xls and subtotal.xls are left as they are", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        for name, nulldate in (("formulas", "1899-12-30"), ("formulas1904", "1904-01-01")):
            src = os.path.join(tmp, name + ".fods")
            with open(src, "w", encoding="utf-8") as f:
                f.write(fods(nulldate))
            convert(soffice, tmp, src, "xls:MS Excel 97", name + ".xls")
        src = os.path.join(tmp, "subtotal.fods")
        with open(src, "w", encoding="utf-8") as f:
            f.write(subtotal_fods())
        convert(soffice, tmp, src, "xls:MS Excel 97", "subtotal.xls")


def convert(soffice, tmp, src, filt, out):
    profile = "file://" + os.path.join(tempfile.gettempdir(), "xls-make-profile")
    subprocess.run(
        [soffice, "-env:UserInstallation=" + profile, "--headless", "--convert-to", filt, "--outdir", tmp, src],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    made = os.path.join(tmp, os.path.splitext(os.path.basename(src))[0] + ".xls")
    shutil.copyfile(made, os.path.join(HERE, out))


def uncomputed():
    """A register whose funds (column G) are each row's sources added up,
    formulas xlwt writes with no value: an empty string."""
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("S")
    head = ["Tỉnh", "Xã", "Tên mô hình", "Lĩnh vực", "Kỳ báo cáo", "Số mô hình", "Kinh phí huy động", "Ngân sách", "Nhân dân"]
    for i, h in enumerate(head):
        ws.write(0, i, h)
    rows = [
        ["Lạng Sơn", "Xã Bắc Sơn", "Nuôi bò nhốt chuồng", "Kinh tế", "2025-Q3", 1, None, 1000000, 500000],
        ["Lạng Sơn", "Xã Bắc Sơn", "Trồng na", "Kinh tế", "2025-Q3", 1, None, 300000, 500000],
    ]
    for r, row in enumerate(rows, 1):
        for c, v in enumerate(row):
            ws.write(r, c, xlwt.Formula("H%d+I%d" % (r + 1, r + 1)) if v is None else v)
    return wb


def main():
    b = basic()
    b.save(os.path.join(HERE, "basic.xls"))
    sst().save(os.path.join(HERE, "sst.xls"))
    date1904().save(os.path.join(HERE, "date1904.xls"))
    uncomputed().save(os.path.join(HERE, "uncomputed.xls"))
    save_stream(os.path.join(HERE, "encrypted.xls"), encrypted(basic()))
    save_stream(os.path.join(HERE, "biff5.xls"), biff5(), name="Book")
    libreoffice()


if __name__ == "__main__":
    main()
