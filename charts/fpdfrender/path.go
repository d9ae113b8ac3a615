package fpdfrender

import "math"

// A path is the figure go-chart builds between paints, in grid pixels
// (y down). It is kept until painted because PDF allows no state operator
// between path construction and painting.
type path struct {
	segs       []seg
	cur, start point // current point and start of the current subpath
	hasCur     bool
}

type point struct{ x, y float64 }

type segOp uint8

const (
	opMove segOp = iota
	opLine
	opCubic
	opClose
)

// A seg is one path operation: opMove and opLine use p[0]; opCubic uses
// p[0] and p[1] as control points and p[2] as end point.
type seg struct {
	op segOp
	p  [3]point
}

func (p *path) moveTo(x, y float64) {
	pt := point{x, y}
	if n := len(p.segs); n > 0 && p.segs[n-1].op == opMove {
		p.segs[n-1].p[0] = pt // a lone moveto draws nothing; replace it
	} else {
		p.segs = append(p.segs, seg{op: opMove, p: [3]point{pt}})
	}
	p.cur, p.start, p.hasCur = pt, pt, true
}

// ensureCur starts a subpath at (0, 0) if there is none, as go-chart's
// raster renderer does.
func (p *path) ensureCur() {
	if !p.hasCur {
		p.moveTo(0, 0)
	}
}

func (p *path) lineTo(x, y float64) {
	p.ensureCur()
	pt := point{x, y}
	p.segs = append(p.segs, seg{op: opLine, p: [3]point{pt}})
	p.cur = pt
}

func (p *path) cubicTo(c1, c2, end point) {
	p.ensureCur()
	p.segs = append(p.segs, seg{op: opCubic, p: [3]point{c1, c2, end}})
	p.cur = end
}

// quadTo adds the quadratic Bézier from the current point through control
// (cx, cy) to (x, y), as the cubic that traces exactly the same curve.
func (p *path) quadTo(cx, cy, x, y float64) {
	p.ensureCur()
	p0 := p.cur
	c := point{cx, cy}
	end := point{x, y}
	c1 := point{p0.x + 2.0/3*(c.x-p0.x), p0.y + 2.0/3*(c.y-p0.y)}
	c2 := point{end.x + 2.0/3*(c.x-end.x), end.y + 2.0/3*(c.y-end.y)}
	p.cubicTo(c1, c2, end)
}

// arcTo adds an elliptical arc about (cx, cy) from angle start through
// delta (radians; positive turns from +x towards +y, clockwise on the
// page), joined to the current point by a line or, with none, starting a
// subpath. The arc is split into Bézier segments of at most 90°, with the
// standard 4/3·tan(θ/4) control distance (radial error below 0.03 %).
func (p *path) arcTo(cx, cy, rx, ry, start, delta float64) {
	if delta > 2*math.Pi {
		delta = 2 * math.Pi
	} else if delta < -2*math.Pi {
		delta = -2 * math.Pi
	}
	at := func(a float64) point {
		return point{cx + rx*math.Cos(a), cy + ry*math.Sin(a)}
	}
	s := at(start)
	if p.hasCur {
		if p.cur != s {
			p.lineTo(s.x, s.y)
		}
	} else {
		p.moveTo(s.x, s.y)
	}
	n := int(math.Ceil(math.Abs(delta) / (math.Pi / 2)))
	if n == 0 {
		return
	}
	step := delta / float64(n)
	kappa := 4.0 / 3 * math.Tan(step/4)
	a0 := start
	for i := 0; i < n; i++ {
		a1 := a0 + step
		if i == n-1 {
			a1 = start + delta
		}
		s0, c0 := math.Sincos(a0)
		s1, c1 := math.Sincos(a1)
		p.cubicTo(
			point{cx + rx*(c0-kappa*s0), cy + ry*(s0+kappa*c0)},
			point{cx + rx*(c1+kappa*s1), cy + ry*(s1-kappa*c1)},
			at(a1),
		)
		a0 = a1
	}
}

func (p *path) close() {
	if !p.hasCur {
		return
	}
	p.segs = append(p.segs, seg{op: opClose})
	p.cur = p.start
}

// drawable tells whether the path has anything but movetos to paint.
func (p *path) drawable() bool {
	for _, s := range p.segs {
		if s.op == opLine || s.op == opCubic {
			return true
		}
	}
	return false
}
