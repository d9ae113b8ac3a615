module github.com/dvkreport/dvkreport

go 1.26.0

require golang.org/x/text v0.43.0

require (
	github.com/cpuguy83/go-md2man/v2 v2.0.7 // indirect
	github.com/go-pdf/fpdf v0.9.0 // indirect
	github.com/golang/freetype v0.0.0-20170609003504-e2365dfdc4a0 // indirect
	github.com/russross/blackfriday/v2 v2.1.0 // indirect
	github.com/urfave/cli/v2 v2.27.7 // indirect
	github.com/wcharczuk/go-chart/v2 v2.1.2 // indirect
	github.com/xrash/smetrics v0.0.0-20240521201337-686a1a2994c1 // indirect
	golang.org/x/image v0.18.0 // indirect
)
