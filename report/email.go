package report

import (
	"github.com/dvkreport/dvkreport/report/layout"
)

// Email returns the subject and body of the email that carries a report's
// PDF, in the report's language, from the templates' sentences mail_subject
// and mail_body: the report's summary paragraph, its file and its pages.
func Email(r *Result, opts Options, file string, pages int) (subject, body string, err error) {
	set, err := opts.Cache.templates(opts.Lang.String(), opts.Templates)
	if err != nil {
		return "", "", err
	}
	return layout.Email(r.Summary, set, layout.Options{
		Form: opts.Form, Agency: opts.Agency, Date: opts.Date, Comparison: r.Comparison,
	}, file, pages)
}
