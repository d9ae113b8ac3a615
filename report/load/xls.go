package load

// readXLS reads an Excel 97–2003 workbook.
func readXLS(name string, data []byte, lim Limits) ([]*Table, error) {
	return nil, fileError(name, ErrFormat, "load.xls_unsupported")
}
