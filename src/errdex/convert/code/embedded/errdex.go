// The errdex runtime for Go: renders and decodes this package's catalog errors
// byte for byte like errdex's Python runtime (see docs/wire.md). Standard
// library only; copied verbatim next to the generated data file.

package errdex

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// publicCap is the longest parameter value (in characters) public output shows.
const publicCap = 256

// Code is a code of this catalog as the catalog writes it ("AUTH-ERR-4", "1051").
type Code string

// Param is one message parameter: a name and its value (string, bool, an
// integer type, float64, Number or nil).
type Param struct {
	Name  string
	Value interface{}
}

// Number is a JSON number kept as its text, so that no precision is lost.
type Number string

// Member is one member of an Object.
type Member struct {
	Key   string
	Value interface{}
}

// Object is a JSON object that keeps its members' order.
type Object []Member

// Get returns the value of key and whether the object has it.
func (o Object) Get(key string) (interface{}, bool) {
	for i := range o {
		if o[i].Key == key {
			return o[i].Value, true
		}
	}
	return nil, false
}

type pair struct {
	name  string
	after string
}

type texts struct {
	locale      string
	lead        string
	pairs       []pair
	title       string
	description *string
	solution    *string
}

type variant struct {
	message   string
	retryable int8 // -1 unset, 0 false, 1 true
}

type paramSpec struct {
	name   string
	kind   string // "str", "int", "float", "bool"
	public bool
}

// Entry is one entry of the catalog, with every fact its errors are rendered
// and decoded with. Entries are read-only; compare them by pointer.
type Entry struct {
	Ident      string // the entry's identifier in this package
	Code       Code   // the code as the catalog writes it
	Space      string // the code space
	Module     string // "" when the entry has no module
	Name       string // "" when the entry has no name
	Status     int    // the HTTP status of the problem, google and plain profiles
	RetryAfter int    // seconds a client waits before a retry; -1 when the catalog sets none
	Removed    bool   // a tombstone: the code is never raised again

	codeJSON   string
	codeIsInt  bool
	key        string
	nameJSON   string
	moduleJSON string
	rpcStatus  int
	rpcCode    int
	rpcKnown   bool
	rpcBare    bool
	ambiguous  bool
	typeURL    string
	// the problem body up to its detail, and its code and name members, as JSON
	// ("" for an entry made up at run time)
	problemHead string
	problemIDs  string
	title       string
	reason      string
	google      string
	retryable   int8
	httpStatus  int
	params      []paramSpec
	own         texts
	texts       []texts
	match       []string
	head        string
	variants    []variant
	carried     []string
}

// Retryable reports the catalog's retry hint and whether the catalog sets one.
func (e *Entry) Retryable() (retryable bool, known bool) {
	return e.retryable == 1, e.retryable >= 0
}

// Error is an error of this catalog: made by a constructor (NewX), found by
// Lookup, or returned by Decode. Entry is nil for a code the catalog lacks.
type Error struct {
	Entry     *Entry
	Params    []Param
	Data      interface{} // JSON-RPC error.data, the plain profiles' $data; nil when unset
	SubErrors []*Error
	// Pointer is, for a sub-error, the JSON Pointer (RFC 6901, URI-fragment
	// form, "#/items/0/qty") of the request body member it is about; Parameter
	// the name of the query, path, header or cookie parameter it is about.
	// Sent as the sub-error's "pointer" or "parameter" ("" for none; Pointer
	// wins when both are set).
	Pointer   string
	Parameter string
	cause     error

	code       string
	codeIsInt  bool
	space      string
	name       string
	message    string
	hasMessage bool
	status     int
	retryable  int8
	retryAfter float64
	hasRetry   bool
	variant    *variant
}

// Variant returns the message of the known variant the error is: set with
// WithVariant, or matched by a decoded message ("" for none).
func (e *Error) Variant() string {
	if e == nil || e.variant == nil {
		return ""
	}
	return e.variant.message
}

// Code returns the error's code (the raw code for an unknown one).
func (e *Error) Code() Code {
	if e == nil {
		return ""
	}
	return Code(e.code)
}

// CodeIsInt reports whether the code is an integer on the wire.
func (e *Error) CodeIsInt() bool { return e != nil && e.codeIsInt }

// Space returns the error's code space ("" when unknown).
func (e *Error) Space() string {
	if e == nil {
		return ""
	}
	return e.space
}

// Status returns the HTTP status the error is sent with (decoded: received).
func (e *Error) Status() int {
	if e == nil {
		return 0
	}
	return e.status
}

// Retryable reports whether a client may retry, and whether anything says so.
func (e *Error) Retryable() (retryable bool, known bool) {
	if e == nil {
		return false, false
	}
	return e.retryable == 1, e.retryable >= 0
}

// RetryAfter returns the seconds to wait before a retry, and whether one is known.
func (e *Error) RetryAfter() (float64, bool) {
	if e == nil {
		return 0, false
	}
	return e.retryAfter, e.hasRetry
}

// Message returns the public message in the catalog's language.
func (e *Error) Message() string {
	if e == nil {
		return ""
	}
	if e.hasMessage || e.Entry == nil {
		return e.message
	}
	return fill(&e.Entry.own, e.Entry, e.Params)
}

// Error returns "[CODE] message".
func (e *Error) Error() string {
	if e == nil {
		return "<nil>"
	}
	return "[" + e.code + "] " + e.Message()
}

// Unwrap returns the cause given with WithCause.
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.cause
}

// WithVariant returns a copy of the error that is the entry's known variant
// message (compared trimmed and case-insensitively): it carries the variant's
// message and, when the variant states one, its retryable. A message that is
// no known variant is sent as it is.
//
//	err := gen.NewServerError().WithVariant("already known")
func (e *Error) WithVariant(message string) *Error {
	if e == nil {
		return nil
	}
	c := *e
	wanted := strings.ToLower(strings.TrimSpace(message))
	if e.Entry != nil {
		for i := range e.Entry.variants {
			v := &e.Entry.variants[i]
			if strings.ToLower(strings.TrimSpace(v.message)) == wanted {
				c.variant, c.message, c.hasMessage = v, v.message, true
				if v.retryable >= 0 {
					c.retryable = v.retryable
				}
				return &c
			}
		}
	}
	c.variant, c.message, c.hasMessage = nil, message, true
	return &c
}

// sentRetry is the retry delay the error is sent with: none when it is not
// retryable (docs/wire.md section 5).
func (e *Error) sentRetry() (float64, bool) {
	return e.retryAfter, e.hasRetry && e.retryable != 0
}

// WithCause returns a copy of the error whose Unwrap gives cause.
func (e *Error) WithCause(cause error) *Error {
	c := *e
	c.cause = cause
	return &c
}

// Is reports whether target is an *Error of the same catalog entry (errors.Is).
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && e != nil && t != nil && e.Entry != nil && t.Entry == e.Entry
}

// synthetic returns a copy of a decoded error of an unknown code, with an
// entry made up from what was received, so that it renders like in Python.
func (e *Error) synthetic() *Error {
	c := *e
	entry := genericEntry
	entry.Code, entry.codeIsInt, entry.Space, entry.Name = Code(e.code), e.codeIsInt, e.space, e.name
	entry.codeJSON = string(appendCode(nil, e))
	entry.Status, entry.rpcStatus = e.status, e.status
	entry.title = phrase(e.status)
	entry.problemHead, entry.problemIDs = "", ""
	entry.google = googleStatus(&Error{status: e.status, Entry: &Entry{Status: -1}})
	entry.own = texts{locale: defaultLocale, lead: e.message, title: entry.title}
	entry.texts = make([]texts, len(Locales))
	for i := range entry.texts {
		entry.texts[i] = entry.own
	}
	c.Entry = &entry
	return &c
}

func newError(entry *Entry, params []Param) *Error {
	err := &Error{Entry: entry, Params: params}
	err.code, err.codeIsInt, err.space = string(entry.Code), entry.codeIsInt, entry.Space
	err.name = entry.Name
	err.status = entry.Status
	err.retryable = entry.retryable
	if entry.RetryAfter >= 0 {
		err.retryAfter, err.hasRetry = float64(entry.RetryAfter), true
	}
	return err
}

// New returns an error of code (in space, "" for any) with the given
// parameters, or nil when the catalog has no such code or it is ambiguous.
func New(code string, space string, params ...Param) *Error {
	entry := Lookup(code, space)
	if entry == nil {
		return nil
	}
	return newError(entry, params)
}

// -- lookup -------------------------------------------------------------------

// CodeKey is the comparison key of a code: integer text canonical, other text upper-cased.
func CodeKey(code string) string {
	text := strings.TrimSpace(code)
	if isIntText(text) {
		n, ok := new(big.Int).SetString(strings.TrimPrefix(text, "+"), 10)
		if ok {
			return n.String()
		}
	}
	return strings.ToUpper(text)
}

func isIntText(text string) bool {
	if text == "" {
		return false
	}
	i := 0
	if text[0] == '+' || text[0] == '-' {
		i = 1
	}
	if i == len(text) {
		return false
	}
	for ; i < len(text); i++ {
		if text[i] < '0' || text[i] > '9' {
			return false
		}
	}
	return true
}

// Find returns every entry with the code, across spaces, in catalog order (nil when none).
func Find(code string) []*Entry {
	return index.byKey[CodeKey(code)]
}

// Lookup returns the entry of code in space ("" for any), or nil when the
// code is unknown or, with no space, exists in several spaces.
func Lookup(code string, space string) *Entry {
	var found *Entry
	for _, e := range Find(code) {
		if space == "" || e.Space == space {
			if found != nil {
				return nil
			}
			found = e
		}
	}
	return found
}

type lookupIndex struct {
	byKey    map[string][]*Entry
	byRPC    map[int][]*Entry
	byReason map[string][]*Entry
	byName   map[string]*Entry
	byFolded map[string]*Entry
	kinds    map[string]string
}

// index is built once when the package is initialised, so lookups are safe
// for concurrent use without locks.
var index = buildIndex()

func buildIndex() *lookupIndex {
	ix := &lookupIndex{
		byKey:    make(map[string][]*Entry, len(entries)),
		byRPC:    map[int][]*Entry{},
		byReason: map[string][]*Entry{},
		byName:   map[string]*Entry{},
		byFolded: map[string]*Entry{},
		kinds:    map[string]string{},
	}
	for _, s := range spaces {
		ix.kinds[s[0]] = s[1]
	}
	for i := range entries {
		e := &entries[i]
		ix.byKey[e.key] = append(ix.byKey[e.key], e)
		if e.rpcKnown {
			ix.byRPC[e.rpcCode] = append(ix.byRPC[e.rpcCode], e)
		}
		ix.byReason[e.reason] = append(ix.byReason[e.reason], e)
		if e.Name != "" {
			if _, ok := ix.byName[e.Name]; !ok {
				ix.byName[e.Name] = e
			}
			folded := strings.ToLower(e.Name)
			if _, ok := ix.byFolded[folded]; !ok {
				ix.byFolded[folded] = e
			}
		}
	}
	return ix
}

func getIn(key string, space string) *Entry {
	for _, e := range index.byKey[key] {
		if e.Space == space {
			return e
		}
	}
	return nil
}

// -- templates and values ------------------------------------------------------

func capText(text string, limit int) string {
	if utf8.RuneCountInString(text) <= limit {
		return text
	}
	n := 0
	for i := range text {
		if n == limit-1 {
			return text[:i] + "…"
		}
		n++
	}
	return text
}

// intText returns the decimal text of an integer value, and whether it is one.
func intText(v interface{}) (string, bool) {
	switch n := v.(type) {
	case int:
		return strconv.FormatInt(int64(n), 10), true
	case int8:
		return strconv.FormatInt(int64(n), 10), true
	case int16:
		return strconv.FormatInt(int64(n), 10), true
	case int32:
		return strconv.FormatInt(int64(n), 10), true
	case int64:
		return strconv.FormatInt(n, 10), true
	case uint:
		return strconv.FormatUint(uint64(n), 10), true
	case uint8:
		return strconv.FormatUint(uint64(n), 10), true
	case uint16:
		return strconv.FormatUint(uint64(n), 10), true
	case uint32:
		return strconv.FormatUint(uint64(n), 10), true
	case uint64:
		return strconv.FormatUint(n, 10), true
	case Number:
		if len(n) < 19 {
			if i, err := strconv.ParseInt(string(n), 10, 64); err == nil {
				return strconv.FormatInt(i, 10), true
			}
		}
		if isIntText(string(n)) {
			b, ok := new(big.Int).SetString(string(n), 10)
			if ok {
				return b.String(), true
			}
		}
	}
	return "", false
}

func floatValue(v interface{}) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case float32:
		return float64(n), true
	case Number:
		if !isIntText(string(n)) {
			f, err := strconv.ParseFloat(string(n), 64)
			if err == nil || errors.Is(err, strconv.ErrRange) {
				return f, true
			}
		}
	}
	return 0, false
}

var (
	int64Min  = big.NewInt(math.MinInt64)
	uint64Max = new(big.Int).SetUint64(math.MaxUint64)
)

func intInRange(text string) bool {
	if len(text) < 19 { // a sign and at most 18 digits: inside int64, no big number needed
		return true
	}
	b, ok := new(big.Int).SetString(text, 10)
	return ok && b.Cmp(int64Min) >= 0 && b.Cmp(uint64Max) <= 0
}

// floatDigits returns the shortest digits and decimal exponent of f (1.5 → "15", 0).
func floatDigits(f float64) (neg bool, digits string, exp int) {
	s := strconv.FormatFloat(f, 'e', -1, 64)
	if s[0] == '-' {
		neg, s = true, s[1:]
	}
	mant, e, _ := strings.Cut(s, "e")
	exp, _ = strconv.Atoi(e)
	return neg, strings.Replace(mant, ".", "", 1), exp
}

func fixedFloat(digits string, exp int) string {
	if exp < 0 {
		return "0." + strings.Repeat("0", -exp-1) + digits
	}
	if len(digits) <= exp+1 {
		return digits + strings.Repeat("0", exp+1-len(digits)) + ".0"
	}
	return digits[:exp+1] + "." + digits[exp+1:]
}

func sciFloat(digits string, exp int, pad bool) string {
	text := digits[:1]
	if len(digits) > 1 {
		text += "." + digits[1:]
	}
	sign := "+"
	if exp < 0 {
		sign, exp = "-", -exp
	}
	e := strconv.Itoa(exp)
	if pad && len(e) < 2 {
		e = "0" + e
	}
	if !pad && sign == "-" {
		return text + "e-" + e
	}
	return text + "e" + sign + e
}

// pyFloat formats f as Python's str(float) does.
func pyFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	neg, digits, exp := floatDigits(f)
	var text string
	if exp < -4 || exp >= 16 {
		text = sciFloat(digits, exp, true)
	} else {
		text = fixedFloat(digits, exp)
	}
	if neg {
		return "-" + text
	}
	return text
}

// jsonFloat formats f as errdex's JSON writer does (finite values only).
func jsonFloat(f float64) string {
	neg, digits, exp := floatDigits(f)
	var text string
	if exp < -5 || exp >= 16 {
		text = sciFloat(digits, exp, false)
	} else {
		text = fixedFloat(digits, exp)
	}
	if neg {
		return "-" + text
	}
	return text
}

// show returns the text a placeholder shows for a value.
func show(name string, v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "{" + name + "}"
	case string:
		return capText(x, publicCap)
	case bool:
		if x {
			return "True"
		}
		return "False"
	}
	if t, ok := intText(v); ok {
		return capText(t, publicCap)
	}
	if f, ok := floatValue(v); ok {
		return pyFloat(f)
	}
	return capText(valueText(v), publicCap)
}

// valueText is the text of a value that is no scalar: its JSON.
func valueText(v interface{}) string {
	var b []byte
	return string(appendValue(b, v))
}

func paramValue(params []Param, name string) interface{} {
	for i := len(params) - 1; i >= 0; i-- {
		if params[i].Name == name {
			return params[i].Value
		}
	}
	return nil
}

func fill(t *texts, entry *Entry, params []Param) string {
	if len(t.pairs) == 0 {
		return t.lead
	}
	var b strings.Builder
	b.WriteString(t.lead)
	for _, p := range t.pairs {
		b.WriteString(show(p.name, paramValue(params, p.name)))
		b.WriteString(p.after)
	}
	return b.String()
}

func (e *Entry) private(name string) bool {
	for _, p := range e.params {
		if p.name == name {
			return !p.public
		}
	}
	return false
}

func (e *Entry) declared(name string) string {
	for _, p := range e.params {
		if p.name == name {
			return p.kind
		}
	}
	return ""
}

// scalar is a public parameter value: what the JSON of params holds.
func scalar(v interface{}, declared string) interface{} {
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		return capText(x, publicCap)
	case bool:
		if declared == "" || declared == "bool" {
			return x
		}
		return show("", x)
	}
	if t, ok := intText(v); ok {
		if (declared == "" || declared == "int" || declared == "float") && intInRange(t) {
			if declared == "float" {
				f, _ := strconv.ParseFloat(t, 64)
				return f
			}
			return Number(t)
		}
		return capText(t, publicCap)
	}
	if f, ok := floatValue(v); ok {
		if declared == "" || declared == "float" {
			if math.IsNaN(f) || math.IsInf(f, 0) {
				return nil
			}
			return f
		}
		return pyFloat(f)
	}
	return capText(valueText(v), publicCap)
}

// publicParams returns the parameters that may leave the service, in order,
// with later values of one name replacing earlier ones.
func (e *Error) publicParams() Object {
	var out Object
	for _, p := range e.Params {
		if e.Entry != nil && e.Entry.private(p.Name) {
			continue
		}
		declared := ""
		if e.Entry != nil {
			declared = e.Entry.declared(p.Name)
		}
		v := scalar(p.Value, declared)
		replaced := false
		for i := range out {
			if out[i].Key == p.Name {
				out[i].Value, replaced = v, true
			}
		}
		if !replaced {
			out = append(out, Member{p.Name, v})
		}
	}
	return out
}

// -- locales -----------------------------------------------------------------------

type langRange struct {
	q     float64
	index int
	tag   string
}

func normTag(tag string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"))
}

func parseQ(text string) (float64, bool) {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0, false
	}
	q, err := strconv.ParseFloat(text, 64)
	if strings.ContainsAny(text, "xXpP_") || (err != nil && !errors.Is(err, strconv.ErrRange)) {
		return 0, false
	}
	return q, true
}

func parseAcceptLanguage(header string) (accepted []string, refused []string) {
	if len(header) > 4096 {
		header = header[:4096]
	}
	items := strings.Split(header, ",")
	if len(items) > 32 {
		items = items[:32]
	}
	var ranges []langRange
	for i, item := range items {
		parts := strings.Split(item, ";")
		tag := strings.TrimSpace(parts[0])
		if tag == "" || utf8.RuneCountInString(tag) > 64 {
			continue
		}
		q, ok := 1.0, true
		for _, param := range parts[1:] {
			key, value, _ := strings.Cut(param, "=")
			if strings.ToLower(strings.TrimSpace(key)) == "q" {
				q, ok = parseQ(value)
				break
			}
		}
		if !ok || !(q >= 0 && q <= 1) {
			continue
		}
		if q > 0 {
			ranges = append(ranges, langRange{-q, i, tag})
		} else {
			refused = append(refused, normTag(tag))
		}
	}
	sort.SliceStable(ranges, func(a, b int) bool {
		if ranges[a].q != ranges[b].q {
			return ranges[a].q < ranges[b].q
		}
		if ranges[a].index != ranges[b].index {
			return ranges[a].index < ranges[b].index
		}
		return ranges[a].tag < ranges[b].tag
	})
	for _, r := range ranges {
		accepted = append(accepted, r.tag)
	}
	return accepted, refused
}

func isRefused(locale string, refused []string) bool {
	norm := normTag(locale)
	for _, r := range refused {
		if norm == r || strings.HasPrefix(norm, r+"-") {
			return true
		}
	}
	return false
}

// Negotiate returns the index in Locales of the catalog locale that best
// serves an Accept-Language value (or a single tag).
func Negotiate(acceptLanguage string) int {
	def := localeIndex(defaultLocale)
	if acceptLanguage == "" {
		return def
	}
	tags, refused := parseAcceptLanguage(acceptLanguage)
	fallback := def
	if isRefused(defaultLocale, refused) {
		for i, l := range Locales {
			if !isRefused(l, refused) {
				fallback = i
				break
			}
		}
	}
	for _, tag := range tags {
		norm := normTag(tag)
		if norm == "*" {
			return fallback
		}
		probe := norm
		for probe != "" {
			if i := normIndex(probe); i >= 0 {
				return i
			}
			if cut := strings.LastIndexByte(probe, '-'); cut >= 0 {
				probe = probe[:cut]
			} else {
				probe = ""
			}
			if strings.HasSuffix(probe, "-x") || (len(probe) > 2 && probe[len(probe)-2] == '-') {
				probe = probe[:len(probe)-2]
			}
		}
		subtags := strings.Split(norm, "-")
		region := ""
		for _, t := range subtags[1:] {
			if len(t) == 2 || (len(t) == 3 && isDigits(t)) {
				region = t
				break
			}
		}
		for i, l := range Locales {
			parts := strings.Split(normTag(l), "-")
			if parts[0] != subtags[0] {
				continue
			}
			if region == "" && len(subtags) == 1 {
				return i
			}
			if region != "" {
				for _, p := range parts[1:] {
					if p == region {
						return i
					}
				}
			}
		}
		if target, ok := localeAliases[strings.ReplaceAll(norm, "-", "_")]; ok {
			return localeIndex(target)
		}
	}
	return fallback
}

func isDigits(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] < '0' || text[i] > '9' {
			return false
		}
	}
	return text != ""
}

func normIndex(norm string) int {
	for i := len(Locales) - 1; i >= 0; i-- { // the last spelling of a tag wins, as in a dict
		if normTag(Locales[i]) == norm {
			return i
		}
	}
	return -1
}

func localeIndex(locale string) int {
	for i, l := range Locales {
		if l == locale {
			return i
		}
	}
	return 0
}

// phrases are the reason phrases errdex knows (those of Python's http.HTTPStatus).
var phrases = map[int]string{100: "Continue", 101: "Switching Protocols", 102: "Processing", 103: "Early Hints", 200: "OK", 201: "Created", 202: "Accepted", 203: "Non-Authoritative Information", 204: "No Content", 205: "Reset Content", 206: "Partial Content", 207: "Multi-Status", 208: "Already Reported", 226: "IM Used", 300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified", 305: "Use Proxy", 307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable", 407: "Proxy Authentication Required", 408: "Request Timeout", 409: "Conflict", 410: "Gone", 411: "Length Required", 412: "Precondition Failed", 413: "Request Entity Too Large", 414: "Request-URI Too Long", 415: "Unsupported Media Type", 416: "Requested Range Not Satisfiable", 417: "Expectation Failed", 418: "I'm a Teapot", 421: "Misdirected Request", 422: "Unprocessable Entity", 423: "Locked", 424: "Failed Dependency", 425: "Too Early", 426: "Upgrade Required", 428: "Precondition Required", 429: "Too Many Requests", 431: "Request Header Fields Too Large", 451: "Unavailable For Legal Reasons", 500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout", 505: "HTTP Version Not Supported", 506: "Variant Also Negotiates", 507: "Insufficient Storage", 508: "Loop Detected", 510: "Not Extended", 511: "Network Authentication Required"}

// phrase returns the reason phrase of an HTTP status, or "Error".
func phrase(status int) string {
	if text, ok := phrases[status]; ok {
		return text
	}
	return "Error"
}

// -- rendering -------------------------------------------------------------------

// Response is a rendered error: HTTP status, headers in a fixed order
// (Content-Type, then Retry-After and Content-Language when they apply) and body.
type Response struct {
	Status  int
	Headers [][2]string
	Body    []byte
}

// Header returns the value of a header ("" when absent).
func (r *Response) Header(name string) string {
	for _, h := range r.Headers {
		if strings.EqualFold(h[0], name) {
			return h[1]
		}
	}
	return ""
}

// ErrUnknownProfile is returned by Render for a profile name it does not know.
var ErrUnknownProfile = errors.New("unknown render profile")

// asError returns err as an error of this catalog: itself, or the catalog's
// internal error with err as its cause (nothing of err is rendered).
func asError(err error) *Error {
	var own *Error
	if errors.As(err, &own) && own != nil {
		if own.Entry == nil {
			return own.synthetic()
		}
		return own
	}
	var wrapped *Error
	if internalEntry >= 0 {
		wrapped = newError(&entries[internalEntry], nil)
	} else {
		wrapped = newError(&genericEntry, nil)
		wrapped.code, wrapped.codeIsInt = "", false
	}
	wrapped.cause = err
	return wrapped
}

// Option sets how Render renders: the locale and the request id.
type Option func(*options)

type options struct {
	locale    string
	hasLocale bool
	id        interface{}
}

// Locale asks for the message in the locale that best serves an
// Accept-Language value (or a tag); the response then says Content-Language.
func Locale(acceptLanguage string) Option {
	return func(o *options) { o.locale, o.hasLocale = acceptLanguage, true }
}

// ID sets the request id: the JSON-RPC id, the problem instance and the
// plain profiles' $id.
func ID(id interface{}) Option {
	return func(o *options) { o.id = id }
}

func localized(e *Error, o *options) (string, *texts) {
	if !o.hasLocale {
		return e.Message(), nil
	}
	t := &e.Entry.texts[Negotiate(o.locale)]
	if e.hasMessage { // a variant's or a received message: the entry's own language
		own := *t
		own.locale = e.Entry.own.locale
		return e.message, &own
	}
	return fill(t, e.Entry, e.Params), t
}

// Render renders err in a profile: "problem" (RFC 9457), "jsonrpc", "google"
// (google.rpc.Status) or one the catalog declares. An error that is not of
// this catalog renders as the catalog's internal error, and nothing of it
// reaches the body. The error is ErrUnknownProfile for a profile it lacks.
func Render(err error, profile string, opts ...Option) (*Response, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	e := asError(err)
	message, t := localized(e, &o)
	for i := range plainProfiles {
		if plainProfiles[i].name == profile {
			return renderPlain(e, &plainProfiles[i], message, t, o.id), nil
		}
	}
	switch profile {
	case "problem":
		return renderProblem(e, message, t, o.id), nil
	case "jsonrpc":
		return renderJSONRPC(e, message, t, o.id), nil
	case "google":
		return renderGoogle(e, message, t), nil
	}
	return nil, fmt.Errorf("%w %q", ErrUnknownProfile, profile)
}

func retrySeconds(e *Error) (int64, bool) {
	after, ok := e.sentRetry()
	if !ok {
		return 0, false
	}
	s := math.Ceil(after)
	if s < 0 || s >= 1e9 {
		return 0, false
	}
	return int64(s), true
}

func headers(e *Error, t *texts, mediaType string) [][2]string {
	out := [][2]string{{"Content-Type", mediaType}}
	if s, ok := retrySeconds(e); ok {
		out = append(out, [2]string{"Retry-After", strconv.FormatInt(s, 10)})
	}
	if t != nil {
		out = append(out, [2]string{"Content-Language", t.locale})
	}
	return out
}

func appendCode(b []byte, e *Error) []byte {
	if e.Entry != nil && e.code == string(e.Entry.Code) {
		return append(b, e.Entry.codeJSON...)
	}
	if e.code == "" && !e.codeIsInt {
		return append(b, "null"...)
	}
	if e.codeIsInt {
		return append(b, e.code...)
	}
	return appendString(b, e.code)
}

func (e *Error) ambiguous() bool { return e.Entry != nil && e.Entry.ambiguous }

func subErrors(e *Error, messageKey string) []interface{} {
	var carried []string
	if e.Entry != nil {
		carried = e.Entry.carried
	}
	var out []interface{}
	for _, sub := range e.SubErrors {
		if sub == nil {
			continue
		}
		item := Object{{"code", rawJSON(appendCode(nil, sub))}, {messageKey, sub.Message()}}
		if sub.ambiguous() && !contains(carried, sub.space) {
			item = append(item, Member{"space", sub.space})
		}
		if params := sub.publicParams(); len(params) > 0 {
			item = append(item, Member{"params", params})
		}
		if sub.Pointer != "" {
			item = append(item, Member{"pointer", sub.Pointer})
		} else if sub.Parameter != "" {
			item = append(item, Member{"parameter", sub.Parameter})
		}
		out = append(out, item)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// rawJSON is JSON text written as it is.
type rawJSON []byte

func renderProblem(e *Error, message string, t *texts, id interface{}) *Response {
	entry := e.Entry
	title := entry.title
	if t != nil && entry.typeURL != "about:blank" {
		title = t.title
	}
	b := make([]byte, 0, 256)
	fixed := entry.problemHead != ""
	if fixed && title == entry.title && e.status == entry.Status {
		b = append(b, entry.problemHead...) // the entry's members, written at generation
	} else {
		b = append(b, `{"type":`...)
		b = appendString(b, entry.typeURL)
		b = append(b, `,"title":`...)
		b = appendString(b, title)
		b = append(b, `,"status":`...)
		b = strconv.AppendInt(b, int64(e.status), 10)
		b = append(b, `,"detail":`...)
	}
	b = appendString(b, message)
	if id != nil {
		b = append(b, `,"instance":`...)
		b = appendString(b, instanceText(id))
	}
	if fixed && e.code == string(entry.Code) && e.codeIsInt == entry.codeIsInt && e.name == entry.Name {
		b = append(b, entry.problemIDs...)
	} else {
		if e.code != "" || e.codeIsInt {
			b = append(b, `,"code":`...)
			b = appendCode(b, e)
		}
		if e.name != "" {
			b = append(b, `,"name":`...)
			b = appendString(b, e.name)
		}
	}
	if e.ambiguous() {
		b = append(b, `,"space":`...)
		b = appendString(b, e.space)
	}
	if e.retryable >= 0 {
		b = append(b, `,"retryable":`...)
		b = strconv.AppendBool(b, e.retryable == 1)
	}
	if after, ok := e.sentRetry(); ok {
		b = append(b, `,"retry_after":`...)
		b = appendNumber(b, after)
	}
	if params := e.publicParams(); len(params) > 0 {
		b = append(b, `,"params":`...)
		b = appendValue(b, params)
	}
	if len(e.SubErrors) > 0 {
		b = append(b, `,"errors":`...)
		b = appendValue(b, subErrors(e, "detail"))
	}
	if e.Data != nil {
		b = append(b, `,"data":`...)
		b = appendValue(b, e.Data)
	}
	b = append(b, '}')
	return &Response{e.status, headers(e, t, "application/problem+json"), b}
}

func appendNumber(b []byte, f float64) []byte {
	if f == math.Trunc(f) && math.Abs(f) < 1e18 {
		return strconv.AppendInt(b, int64(f), 10)
	}
	return append(b, jsonFloat(f)...)
}

func instanceText(id interface{}) string {
	switch x := id.(type) {
	case string:
		return x
	case bool:
		if x {
			return "True"
		}
		return "False"
	}
	if t, ok := intText(id); ok {
		return t
	}
	if f, ok := floatValue(id); ok {
		return pyFloat(f)
	}
	return capText(valueText(id), 4*publicCap)
}

func rpcData(e *Error) interface{} {
	if e.Data != nil {
		return e.Data
	}
	params := e.publicParams()
	var subs []interface{}
	if len(e.SubErrors) > 0 {
		subs = subErrors(e, "message")
	}
	bare := e.Entry.rpcBare || (e.code == "" && !e.codeIsInt)
	if bare && len(params) == 0 {
		if len(subs) == 0 {
			return nil
		}
		return subs
	}
	data := Object{{"code", rawJSON(appendCode(nil, e))}}
	if e.ambiguous() {
		data = append(data, Member{"space", e.space})
	}
	if e.name != "" {
		data = append(data, Member{"name", e.name})
	}
	if len(params) > 0 {
		data = append(data, Member{"params", params})
	}
	if len(subs) > 0 {
		data = append(data, Member{"errors", subs})
	}
	return data
}

func appendRPCError(b []byte, e *Error, message string) []byte {
	b = append(b, `{"code":`...)
	b = strconv.AppendInt(b, int64(e.Entry.rpcCode), 10)
	b = append(b, `,"message":`...)
	b = appendString(b, message)
	if data := rpcData(e); data != nil {
		b = append(b, `,"data":`...)
		b = appendValue(b, data)
	}
	return append(b, '}')
}

func renderJSONRPC(e *Error, message string, t *texts, id interface{}) *Response {
	b := make([]byte, 0, 160)
	b = append(b, `{"jsonrpc":"2.0","error":`...)
	b = appendRPCError(b, e, message)
	b = append(b, `,"id":`...)
	b = appendValue(b, id)
	b = append(b, '}')
	return &Response{e.Entry.rpcStatus, headers(e, t, "application/json"), b}
}

// BatchItem is one member of a JSON-RPC batch response: an error and its
// request id, or (Err nil) a response already built, written as it is.
type BatchItem struct {
	Err      error
	ID       interface{}
	Response interface{}
}

// RenderBatch renders a JSON-RPC batch response: always 200 (204 and no body
// when empty), one member per item; only the Locale option applies.
func RenderBatch(items []BatchItem, opts ...Option) *Response {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if len(items) == 0 {
		return &Response{204, [][2]string{}, []byte{}}
	}
	b := []byte{'['}
	for i, item := range items {
		if i > 0 {
			b = append(b, ',')
		}
		if item.Err == nil {
			b = appendValue(b, item.Response)
			continue
		}
		e := asError(item.Err)
		message, _ := localized(e, &o)
		b = append(b, `{"jsonrpc":"2.0","error":`...)
		b = appendRPCError(b, e, message)
		b = append(b, `,"id":`...)
		b = appendValue(b, item.ID)
		b = append(b, '}')
	}
	b = append(b, ']')
	return &Response{200, [][2]string{{"Content-Type", "application/json"}}, b}
}

const googleType = "type.googleapis.com/google.rpc."

func renderGoogle(e *Error, message string, t *texts) *Response {
	entry := e.Entry
	metadata := Object{}
	if e.code != "" || e.codeIsInt {
		metadata = append(metadata, Member{"code", e.code})
	}
	if e.ambiguous() && e.space != "" {
		metadata = append(metadata, Member{"space", e.space})
	}
	for _, m := range e.publicParams() {
		if m.Key == "code" || m.Key == "space" || m.Value == nil {
			continue
		}
		var text string
		switch v := m.Value.(type) {
		case bool:
			text = strconv.FormatBool(v)
		case string:
			text = v
		default:
			text = show(m.Key, v)
		}
		metadata = append(metadata, Member{m.Key, text})
	}
	domain := CatalogID
	details := []interface{}{Object{
		{"@type", googleType + "ErrorInfo"}, {"reason", entry.reason},
		{"domain", domain}, {"metadata", metadata},
	}}
	if t != nil {
		details = append(details, Object{
			{"@type", googleType + "LocalizedMessage"}, {"locale", t.locale}, {"message", message},
		})
	}
	if s, ok := retrySeconds(e); ok {
		details = append(details, Object{
			{"@type", googleType + "RetryInfo"}, {"retryDelay", strconv.FormatInt(s, 10) + "s"},
		})
	}
	if entry.typeURL != "about:blank" {
		details = append(details, Object{
			{"@type", googleType + "Help"},
			{"links", []interface{}{Object{{"description", entry.title}, {"url", entry.typeURL}}}},
		})
	}
	if len(e.SubErrors) > 0 {
		var violations []interface{}
		for _, sub := range e.SubErrors {
			if sub == nil {
				continue
			}
			field := ""
			if v, ok := sub.publicParams().Get("field"); ok && v != nil {
				field = show("field", v)
			}
			reason := "UNKNOWN"
			if sub.Entry != nil {
				reason = sub.Entry.reason
			}
			violations = append(violations, Object{
				{"field", field}, {"description", sub.Message()}, {"reason", reason},
			})
		}
		details = append(details, Object{
			{"@type", googleType + "BadRequest"}, {"fieldViolations", violations},
		})
	}
	body := Object{{"error", Object{
		{"code", Number(strconv.Itoa(e.status))}, {"message", e.Message()},
		{"status", googleStatus(e)}, {"details", details},
	}}}
	return &Response{e.status, headers(e, t, "application/json"), appendValue(nil, body)}
}

func googleStatus(e *Error) string {
	if e.status == e.Entry.Status {
		return e.Entry.google
	}
	switch e.status {
	case 200:
		return "OK"
	case 400, 422:
		return "INVALID_ARGUMENT"
	case 401:
		return "UNAUTHENTICATED"
	case 403:
		return "PERMISSION_DENIED"
	case 404:
		return "NOT_FOUND"
	case 409:
		return "ABORTED"
	case 412:
		return "FAILED_PRECONDITION"
	case 416:
		return "OUT_OF_RANGE"
	case 429:
		return "RESOURCE_EXHAUSTED"
	case 499:
		return "CANCELLED"
	case 500:
		return "INTERNAL"
	case 501:
		return "UNIMPLEMENTED"
	case 503:
		return "UNAVAILABLE"
	case 504:
		return "DEADLINE_EXCEEDED"
	}
	if e.status >= 200 && e.status < 300 {
		return "OK"
	}
	if e.status >= 500 {
		return "INTERNAL"
	}
	return "UNKNOWN"
}

// -- plain profiles ------------------------------------------------------------------

type node struct {
	ref     string // a $reference, or "" for a literal or a container
	literal string // JSON text of a literal
	keys    []string
	items   []node
	isObj   bool
	isList  bool
}

type step struct {
	key   string
	index int // -1 for an object key
}

type field struct {
	ref  string
	path []step
}

type plainProfile struct {
	name        string
	contentType string
	status      int // 0: the error's own
	body        node
	fields      []field // where each $reference sits, in body order
	size        int     // members of the body object (-1: not an object)
}

func strp(s string) *string { return &s }

func optText(s *string) interface{} {
	if s == nil {
		return nil
	}
	return *s
}

func (p *plainProfile) value(ref string, e *Error, message string, t *texts, id interface{}) interface{} {
	entry := e.Entry
	own := t
	if own == nil {
		own = &entry.own
	}
	switch ref {
	case "code":
		if e.code == "" && !e.codeIsInt {
			return nil
		}
		return rawJSON(appendCode(nil, e))
	case "name":
		if e.name == "" {
			return nil
		}
		return e.name
	case "message":
		return message
	case "title":
		if t == nil {
			return entry.title
		}
		return t.title
	case "description":
		return optText(own.description)
	case "solution":
		return optText(own.solution)
	case "status":
		return Number(strconv.Itoa(e.status))
	case "jsonrpc_code":
		return Number(strconv.Itoa(entry.rpcCode))
	case "retryable":
		if e.retryable < 0 {
			return nil
		}
		return e.retryable == 1
	case "retry_after":
		after, ok := e.sentRetry()
		if !ok {
			return nil
		}
		return rawJSON(appendNumber(nil, after))
	case "data":
		if e.Data != nil {
			return e.Data
		}
		if len(e.SubErrors) > 0 {
			return subErrors(e, "message")
		}
		return nil
	case "context":
		return nil
	case "params":
		params := e.publicParams()
		if params == nil {
			params = Object{}
		}
		return params
	case "id":
		return id
	case "docs_url":
		if entry.typeURL == "about:blank" {
			return nil
		}
		return entry.typeURL
	case "catalog":
		return CatalogID
	case "module":
		return rawJSON(entry.moduleJSON)
	case "space":
		return e.space
	}
	return nil
}

func (p *plainProfile) appendNode(b []byte, n *node, e *Error, message string, t *texts, id interface{}) []byte {
	switch {
	case n.ref != "":
		return appendValue(b, p.value(n.ref, e, message, t, id))
	case n.isObj:
		b = append(b, '{')
		for i := range n.items {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, n.keys[i])
			b = append(b, ':')
			b = p.appendNode(b, &n.items[i], e, message, t, id)
		}
		return append(b, '}')
	case n.isList:
		b = append(b, '[')
		for i := range n.items {
			if i > 0 {
				b = append(b, ',')
			}
			b = p.appendNode(b, &n.items[i], e, message, t, id)
		}
		return append(b, ']')
	}
	return append(b, n.literal...)
}

func renderPlain(e *Error, p *plainProfile, message string, t *texts, id interface{}) *Response {
	status := e.status
	if p.status != 0 {
		status = p.status
	}
	body := p.appendNode(make([]byte, 0, 128), &p.body, e, message, t, id)
	return &Response{status, headers(e, t, p.contentType), body}
}

// -- JSON writing ------------------------------------------------------------------

const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string: only '"', '\\' and control
// characters are escaped, everything else is written as UTF-8.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"':
			b = append(b, '\\', '"')
		case '\\':
			b = append(b, '\\', '\\')
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		case '\b':
			b = append(b, '\\', 'b')
		case '\f':
			b = append(b, '\\', 'f')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

func appendValue(b []byte, v interface{}) []byte {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...)
	case rawJSON:
		return append(b, x...)
	case string:
		return appendString(b, x)
	case bool:
		return strconv.AppendBool(b, x)
	case Number:
		if isIntText(string(x)) {
			if intInRange(string(x)) {
				t, _ := intText(x)
				return append(b, t...)
			}
		}
		f, err := strconv.ParseFloat(string(x), 64)
		if err != nil || math.IsInf(f, 0) {
			return append(b, "null"...)
		}
		return append(b, jsonFloat(f)...)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return append(b, "null"...)
		}
		return append(b, jsonFloat(x)...)
	case float32:
		return appendValue(b, float64(x))
	case Object:
		b = append(b, '{')
		for i, m := range x {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, m.Key)
			b = append(b, ':')
			b = appendValue(b, m.Value)
		}
		return append(b, '}')
	case []Member:
		return appendValue(b, Object(x))
	case map[string]interface{}:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		obj := make(Object, 0, len(keys))
		for _, k := range keys {
			obj = append(obj, Member{k, x[k]})
		}
		return appendValue(b, obj)
	case []interface{}:
		b = append(b, '[')
		for i, item := range x {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendValue(b, item)
		}
		return append(b, ']')
	case []string:
		items := make([]interface{}, len(x))
		for i := range x {
			items[i] = x[i]
		}
		return appendValue(b, items)
	}
	if t, ok := intText(v); ok {
		return appendValue(b, Number(t))
	}
	if s, ok := v.(interface{ String() string }); ok {
		return appendString(b, s.String())
	}
	return append(b, "null"...)
}

// -- JSON reading -------------------------------------------------------------------

// ParseJSON parses JSON text into nil, bool, string, Number, []interface{}
// and Object (members in order); ok is false for anything that is not one
// JSON value.
func ParseJSON(data []byte) (value interface{}, ok bool) {
	p := parser{data: data}
	p.space()
	v, ok := p.value(0)
	if !ok {
		return nil, false
	}
	p.space()
	return v, p.pos == len(p.data)
}

type parser struct {
	data []byte
	pos  int
}

// more reads what follows a member or an element: a ',' (more is true) or the
// closing byte of its object or array (more is false); anything else is not JSON.
func (p *parser) more(closing byte) (more, ok bool) {
	p.space()
	if p.pos >= len(p.data) {
		return false, false
	}
	switch p.data[p.pos] {
	case ',':
		p.pos++
		return true, true
	case closing:
		p.pos++
		return false, true
	}
	return false, false
}

func (p *parser) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) value(depth int) (interface{}, bool) {
	if p.pos >= len(p.data) || depth > 512 {
		return nil, false
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		p.pos++
		obj := Object{}
		p.space()
		if p.pos < len(p.data) && p.data[p.pos] == '}' {
			p.pos++
			return obj, true
		}
		for {
			p.space()
			if p.pos >= len(p.data) || p.data[p.pos] != '"' {
				return nil, false
			}
			key, ok := p.str()
			if !ok {
				return nil, false
			}
			p.space()
			if p.pos >= len(p.data) || p.data[p.pos] != ':' {
				return nil, false
			}
			p.pos++
			p.space()
			v, ok := p.value(depth + 1)
			if !ok {
				return nil, false
			}
			replaced := false
			for i := range obj { // a repeated key keeps its first place, the last value
				if obj[i].Key == key {
					obj[i].Value, replaced = v, true
				}
			}
			if !replaced {
				obj = append(obj, Member{key, v})
			}
			more, ok := p.more('}')
			if !ok {
				return nil, false
			}
			if !more {
				return obj, true
			}
		}
	case c == '[':
		p.pos++
		list := []interface{}{}
		p.space()
		if p.pos < len(p.data) && p.data[p.pos] == ']' {
			p.pos++
			return list, true
		}
		for {
			p.space()
			v, ok := p.value(depth + 1)
			if !ok {
				return nil, false
			}
			list = append(list, v)
			more, ok := p.more(']')
			if !ok {
				return nil, false
			}
			if !more {
				return list, true
			}
		}
	case c == '"':
		return p.str()
	case c == 't':
		return true, p.word("true")
	case c == 'f':
		return false, p.word("false")
	case c == 'n':
		return nil, p.word("null")
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	}
	return nil, false
}

func (p *parser) word(w string) bool {
	if len(p.data)-p.pos >= len(w) && string(p.data[p.pos:p.pos+len(w)]) == w {
		p.pos += len(w)
		return true
	}
	return false
}

func (p *parser) number() (interface{}, bool) {
	start := p.pos
	if p.data[p.pos] == '-' {
		p.pos++
	}
	digits := func() int {
		n := 0
		for p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
			p.pos++
			n++
		}
		return n
	}
	intStart := p.pos
	if digits() == 0 || (p.data[intStart] == '0' && p.pos-intStart > 1) {
		return nil, false
	}
	if p.pos < len(p.data) && p.data[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			return nil, false
		}
	}
	if p.pos < len(p.data) && (p.data[p.pos] == 'e' || p.data[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.data) && (p.data[p.pos] == '+' || p.data[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			return nil, false
		}
	}
	text := string(p.data[start:p.pos])
	if !isIntText(text) {
		if f, err := strconv.ParseFloat(text, 64); err != nil || math.IsInf(f, 0) {
			return nil, false
		}
	}
	return Number(text), true
}

func (p *parser) str() (string, bool) {
	p.pos++ // the opening quote
	start := p.pos
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if c == '"' {
			s := p.data[start:p.pos]
			p.pos++
			if !utf8.Valid(s) {
				return "", false
			}
			return string(s), true
		}
		if c == '\\' || c < 0x20 {
			break
		}
		p.pos++
	}
	var b []byte
	b = append(b, p.data[start:p.pos]...)
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			if !utf8.Valid(b) {
				return "", false
			}
			return string(b), true
		case c < 0x20:
			return "", false
		case c == '\\':
			if p.pos+1 >= len(p.data) {
				return "", false
			}
			p.pos++
			switch p.data[p.pos] {
			case '"', '\\', '/':
				b = append(b, p.data[p.pos])
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := p.hex4()
				if !ok {
					return "", false
				}
				if r >= 0xD800 && r < 0xDC00 {
					if p.pos+6 < len(p.data) && p.data[p.pos+1] == '\\' && p.data[p.pos+2] == 'u' {
						p.pos += 2
						lo, ok := p.hex4()
						if !ok || lo < 0xDC00 || lo >= 0xE000 {
							return "", false
						}
						r = 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00)
					} else {
						return "", false
					}
				} else if r >= 0xDC00 && r < 0xE000 {
					return "", false
				}
				b = utf8.AppendRune(b, r)
			default:
				return "", false
			}
			p.pos++
		default:
			b = append(b, c)
			p.pos++
		}
	}
	return "", false
}

func (p *parser) hex4() (rune, bool) {
	if p.pos+4 >= len(p.data) {
		return 0, false
	}
	n, err := strconv.ParseUint(string(p.data[p.pos+1:p.pos+5]), 16, 32)
	if err != nil {
		return 0, false
	}
	p.pos += 4
	return rune(n), true
}

// -- decoding ------------------------------------------------------------------------

type fields struct {
	code, space, name, reason, message  interface{}
	rpcCode, status, params, subs, data interface{}
	retryable, retryAfter, context      interface{}
	retryDelay                          interface{}
	subKey                              string
	hasCode                             bool
}

func get(v interface{}, key string) interface{} {
	if o, ok := v.(Object); ok {
		x, _ := o.Get(key)
		return x
	}
	return nil
}

func has(v interface{}, key string) bool {
	if o, ok := v.(Object); ok {
		_, found := o.Get(key)
		return found
	}
	return false
}

func intOf(v interface{}) (int64, bool) {
	if n, ok := v.(Number); ok && isIntText(string(n)) {
		i, err := strconv.ParseInt(string(n), 10, 64)
		return i, err == nil
	}
	return 0, false
}

func readGoogle(body interface{}) *fields {
	errObj, ok := get(body, "error").(Object)
	if !ok || has(body, "jsonrpc") {
		return nil
	}
	if !has(errObj, "status") && !has(errObj, "details") {
		return nil
	}
	f := &fields{message: get(errObj, "message"), subKey: "message"}
	if _, ok := intOf(get(errObj, "code")); ok {
		f.status = get(errObj, "code")
	}
	details, _ := get(errObj, "details").([]interface{})
	for _, d := range details {
		detail, ok := d.(Object)
		if !ok {
			continue
		}
		kind := ""
		if t, ok := get(detail, "@type").(string); ok {
			kind = t[strings.LastIndexByte(t, '.')+1:]
		} else if t, found := detail.Get("@type"); found {
			text := valueText(t)
			kind = text[strings.LastIndexByte(text, '.')+1:]
		}
		switch kind {
		case "ErrorInfo":
			f.reason = get(detail, "reason")
			if metadata, ok := get(detail, "metadata").(Object); ok {
				rest := Object{}
				for _, m := range metadata {
					switch m.Key {
					case "code":
						f.code = m.Value
					case "space":
						f.space = m.Value
					default:
						rest = append(rest, m)
					}
				}
				if len(rest) > 0 {
					f.params = rest
				}
			}
		case "RetryInfo":
			f.retryDelay = get(detail, "retryDelay")
		case "BadRequest":
			if violations, ok := get(detail, "fieldViolations").([]interface{}); ok {
				var subs []interface{}
				for _, v := range violations {
					vo, ok := v.(Object)
					if !ok {
						continue
					}
					item := Object{{"reason", get(vo, "reason")}, {"message", get(vo, "description")}}
					if field := get(vo, "field"); truthy(field) {
						item = append(item, Member{"params", Object{{"field", field}}})
					}
					subs = append(subs, item)
				}
				if subs == nil {
					subs = []interface{}{}
				}
				f.subs = subs
			}
		}
	}
	f.hasCode = f.code != nil
	return f
}

func truthy(v interface{}) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case string:
		return x != ""
	case Number:
		f, _ := strconv.ParseFloat(string(x), 64)
		return f != 0
	case Object:
		return len(x) > 0
	case []interface{}:
		return len(x) > 0
	}
	return true
}

func readJSONRPC(body interface{}) *fields {
	errObj, ok := get(body, "error").(Object)
	if !ok || !has(errObj, "code") {
		return nil
	}
	if has(errObj, "status") && !has(body, "jsonrpc") {
		return nil
	}
	data := get(errObj, "data")
	f := &fields{rpcCode: get(errObj, "code"), message: get(errObj, "message"), data: data, subKey: "message"}
	if list, ok := data.([]interface{}); ok {
		f.subs = list
	} else if d, ok := data.(Object); ok && has(d, "code") {
		f.code, f.space, f.name = get(d, "code"), get(d, "space"), get(d, "name")
		f.params, f.subs = get(d, "params"), get(d, "errors")
	}
	return f
}

func readProblem(body interface{}, contentType string) *fields {
	o, ok := body.(Object)
	if !ok {
		return nil
	}
	isProblem := strings.HasPrefix(contentType, "application/problem+json") ||
		has(o, "detail") || (has(o, "type") && has(o, "title"))
	if !isProblem || has(o, "error") {
		return nil
	}
	message := get(o, "detail")
	if message == nil {
		message = get(o, "title")
	}
	return &fields{
		code: get(o, "code"), space: get(o, "space"), name: get(o, "name"), message: message,
		status: get(o, "status"), params: get(o, "params"), retryable: get(o, "retryable"),
		retryAfter: get(o, "retry_after"), subs: get(o, "errors"), subKey: "detail",
		data: get(o, "data"),
	}
}

func at(body interface{}, path []step) (interface{}, bool) {
	for _, s := range path {
		if s.index >= 0 {
			list, ok := body.([]interface{})
			if !ok || s.index >= len(list) {
				return nil, false
			}
			body = list[s.index]
			continue
		}
		o, ok := body.(Object)
		if !ok {
			return nil, false
		}
		v, found := o.Get(s.key)
		if !found {
			return nil, false
		}
		body = v
	}
	return body, true
}

func readPlain(body interface{}) *fields {
	bestScore, bestExtra, best := -1, 0, map[string]interface{}(nil)
	for i := range plainProfiles {
		p := &plainProfiles[i]
		values := map[string]interface{}{}
		for _, fl := range p.fields {
			if v, ok := at(body, fl.path); ok {
				if _, seen := values[fl.ref]; !seen {
					values[fl.ref] = v
				}
			}
		}
		if _, ok := values["code"]; !ok {
			continue
		}
		extra := 0
		if o, ok := body.(Object); ok && p.size >= 0 {
			extra = len(o) - p.size
			if extra < 0 {
				extra = -extra
			}
		}
		if best == nil || len(values) > bestScore || (len(values) == bestScore && -extra > -bestExtra) {
			bestScore, bestExtra, best = len(values), extra, values
		}
	}
	if best == nil {
		return nil
	}
	f := &fields{
		code: best["code"], space: best["space"], name: best["name"], message: best["message"],
		params: best["params"], retryable: best["retryable"], retryAfter: best["retry_after"],
		data: best["data"], context: best["context"], subKey: "message",
	}
	if _, ok := intOf(best["status"]); ok {
		f.status = best["status"]
	}
	if list, ok := best["data"].([]interface{}); ok {
		f.subs = list
	}
	return f
}

var messageKeys = []string{"message", "msg", "error", "detail", "error_message", "errorMessage", "description"}

func readGeneric(body interface{}) *fields {
	o, ok := body.(Object)
	if !ok || !has(o, "code") {
		return nil
	}
	f := &fields{code: get(o, "code"), data: get(o, "data"), subKey: "message"}
	for _, k := range messageKeys {
		if s, ok := get(o, k).(string); ok {
			f.message = s
			break
		}
	}
	return f
}

func normText(s string) string {
	return strings.ToLower(strings.TrimRight(strings.TrimSpace(s), "."))
}

func matchVariant(e *Entry, message string) *variant {
	wanted := normText(message)
	if wanted == "" {
		return nil
	}
	for i := range e.variants {
		if normText(e.variants[i].message) == wanted {
			return &e.variants[i]
		}
	}
	for i := range e.variants {
		known := normText(e.variants[i].message)
		if known != "" && strings.HasPrefix(wanted, known) {
			return &e.variants[i]
		}
	}
	return nil
}

func score(e *Entry, message interface{}, status interface{}, name interface{}) int {
	s := 0
	if n, ok := name.(string); ok && n != "" && e.Name == n {
		s += 8
	}
	text, _ := message.(string)
	if wanted := normText(text); wanted != "" {
		if matchVariant(e, text) != nil {
			s += 4
		} else {
			hit := false
			for _, m := range e.match {
				if normText(m) == wanted {
					hit = true
					break
				}
			}
			if hit {
				s += 3
			} else if e.head != "" {
				if head := normText(e.head); head != "" && strings.HasPrefix(wanted, head) {
					s += 2
				}
			}
		}
	}
	if st, ok := intOf(status); ok && e.httpStatus != 0 && int64(e.httpStatus) == st {
		s++
	}
	return s
}

func choose(candidates []*Entry, message, status, name interface{}) *Entry {
	if len(candidates) == 0 {
		return nil
	}
	if len(candidates) == 1 {
		return candidates[0]
	}
	best, bestScore := candidates[0], score(candidates[0], message, status, name)
	for _, c := range candidates[1:] {
		if s := score(c, message, status, name); s > bestScore {
			best, bestScore = c, s
		}
	}
	return best
}

// codeKeyOf returns the comparison key of a decoded code (ok false: no code).
func codeKeyOf(v interface{}) (string, bool, bool) {
	switch x := v.(type) {
	case string:
		return CodeKey(x), isIntText(strings.TrimSpace(x)), true
	case Number:
		if isIntText(string(x)) {
			t, _ := intText(x)
			return t, true, true
		}
	}
	return "", false, false
}

func findEntry(f *fields, status interface{}, prefer []string) *Entry {
	key, _, hasKey := codeKeyOf(f.code)
	if hasKey {
		if sp, ok := f.space.(string); ok && index.kinds[sp] != "" {
			if found := getIn(key, sp); found != nil {
				return found
			}
		}
		for _, sp := range prefer {
			if found := getIn(key, sp); found != nil {
				return found
			}
		}
		if found := choose(index.byKey[key], f.message, status, f.name); found != nil {
			return found
		}
		return nil
	}
	if rpc, ok := intOf(f.rpcCode); ok {
		if found := choose(index.byRPC[int(rpc)], f.message, status, f.name); found != nil {
			return found
		}
	}
	if reason, ok := f.reason.(string); ok {
		if found := choose(index.byReason[reason], f.message, status, f.name); found != nil {
			return found
		}
	}
	if name, ok := f.name.(string); ok {
		if found := index.byName[name]; found != nil {
			return found
		}
		return index.byFolded[strings.ToLower(name)]
	}
	return nil
}

// fallbackSpace returns the space of an unknown code's nearest class: its
// module (prefix or range), a named or JSON-RPC space, or "".
func fallbackSpace(code interface{}, space interface{}, jsonrpc bool) (string, bool) {
	key, isInt, ok := codeKeyOf(code)
	if ok && !isInt {
		for _, m := range modules {
			if m.prefix != "" && strings.HasPrefix(key, m.prefix) {
				return m.space, true
			}
		}
	} else if ok {
		n, err := strconv.ParseInt(key, 10, 64)
		if err == nil {
			var matches []moduleFacts
			for _, m := range modules {
				if m.hasRange && m.lo <= n && n <= m.hi {
					matches = append(matches, m)
				}
			}
			if jsonrpc {
				sort.SliceStable(matches, func(a, b int) bool {
					return index.kinds[matches[a].space] == "jsonrpc" && index.kinds[matches[b].space] != "jsonrpc"
				})
			}
			if len(matches) > 0 {
				return matches[0].space, true
			}
		}
	}
	if sp, ok := space.(string); ok && index.kinds[sp] != "" {
		return sp, true
	}
	if jsonrpc {
		for _, s := range spaces {
			if s[1] == "jsonrpc" {
				return s[0], true
			}
		}
	}
	return "", false
}

type moduleFacts struct {
	id       string
	space    string
	prefix   string
	hasRange bool
	lo, hi   int64
}

func paramsOf(raw interface{}, entry *Entry) []Param {
	o, ok := raw.(Object)
	if !ok {
		return nil
	}
	if len(o) > 256 {
		o = o[:256]
	}
	out := make([]Param, 0, len(o))
	for _, m := range o {
		v := m.Value
		if s, ok := v.(string); ok && entry != nil {
			v = coerceBack(s, entry.declared(m.Key))
		}
		out = append(out, Param{m.Key, v})
	}
	return out
}

func coerceBack(s string, declared string) interface{} {
	switch declared {
	case "int":
		t := strings.TrimSpace(s)
		if isIntText(strings.ReplaceAll(t, "_", "")) && !strings.HasPrefix(t, "_") && !strings.HasSuffix(t, "_") && !strings.Contains(t, "__") {
			n, _ := intText(Number(strings.TrimPrefix(strings.ReplaceAll(t, "_", ""), "+")))
			return Number(n)
		}
	case "float":
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err == nil {
			return f
		}
	case "bool":
		switch s {
		case "true", "True":
			return true
		case "false", "False":
			return false
		}
	}
	return s
}

func textOf(v interface{}, limit int) string {
	if s, ok := v.(string); ok {
		return capText(s, limit)
	}
	return capText(show("", v), limit)
}

func (st status) ok() bool { return st != 0 }

type status int

func build(f *fields, httpStatus status, prefer []string, jsonrpc bool, retryHeader interface{}) *Error {
	var statusArg interface{}
	if httpStatus.ok() {
		statusArg = Number(strconv.Itoa(int(httpStatus)))
	}
	entry := findEntry(f, statusArg, prefer)
	var message string
	hasMessage := f.message != nil
	if hasMessage {
		message = textOf(f.message, 4*publicCap)
	}
	var err *Error
	if entry != nil {
		err = newError(entry, nil)
		if hasMessage {
			if v := matchVariant(entry, message); v != nil {
				err.variant = v
				if v.retryable >= 0 {
					err.retryable = v.retryable
				}
			}
		}
	} else {
		if !hasMessage {
			if httpStatus.ok() {
				message = phrase(int(httpStatus))
			} else {
				message = "Unknown error"
			}
			hasMessage = true
		}
		code := f.code
		if code == nil && jsonrpc {
			code = f.rpcCode
		}
		err = &Error{retryable: -1}
		switch c := code.(type) {
		case nil:
		case string:
			err.code = capText(c, publicCap)
		case Number:
			if isIntText(string(c)) {
				err.code, err.codeIsInt = string(c), true
			} else {
				err.code = show("", c)
			}
		default:
			err.code = capText(show("", c), publicCap)
		}
		space, _ := fallbackSpace(code, f.space, jsonrpc)
		err.space = space
		if n, ok := f.name.(string); ok {
			err.name = capText(n, publicCap)
		}
		err.status = unknownStatus(err, space, httpStatus)
		err.Data = f.data
	}
	if httpStatus.ok() {
		err.status = int(httpStatus)
	}
	if hasMessage {
		err.message, err.hasMessage = message, true
	}
	err.Params = paramsOf(f.params, entry)
	if subs, ok := f.subs.([]interface{}); ok && len(subs) > 0 {
		var carried []string
		if entry != nil {
			carried = entry.carried
		}
		if len(subs) > 256 {
			subs = subs[:256]
		}
		for _, item := range subs {
			o, ok := item.(Object)
			if !ok {
				continue
			}
			message := get(o, "message")
			if v, found := o.Get(f.subKey); found {
				message = v
			}
			sub := &fields{
				code: get(o, "code"), space: get(o, "space"), name: get(o, "name"),
				reason: get(o, "reason"), message: message, params: get(o, "params"), subKey: "message",
			}
			err.SubErrors = append(err.SubErrors, build(sub, 0, carried, false, nil))
		}
	} else if entry != nil && f.data != nil {
		if _, isObj := f.data.(Object); !isObj || f.code == nil {
			err.Data = f.data
		}
	}
	decideRetry(err, f, retryHeader)
	return err
}

// unknownStatus is the status an unknown code's error takes from its class.
func unknownStatus(err *Error, space string, httpStatus status) int {
	if httpStatus.ok() {
		return int(httpStatus)
	}
	if index.kinds[space] == "http" && err.codeIsInt {
		if n, e := strconv.Atoi(err.code); e == nil && n >= 100 && n <= 599 {
			return n
		}
	}
	if internalCode != "" && err.code != "" && CodeKey(err.code) == internalCode {
		return 500
	}
	return 400
}

// decideRetry resolves the retry hint: the server's Retry-After or RetryInfo,
// then the body's members, then the variant and the entry, then the HTTP class.
func decideRetry(err *Error, f *fields, header interface{}) {
	if d, ok := header.(float64); ok {
		err.retryAfter, err.hasRetry, err.retryable = d, true, 1
		return
	}
	if d, ok := parseDuration(f.retryDelay); ok {
		err.retryAfter, err.hasRetry, err.retryable = d, true, 1
		return
	}
	after, hasAfter := f.retryAfter.(Number)
	if hasAfter {
		v, _ := strconv.ParseFloat(string(after), 64)
		err.retryAfter, err.hasRetry = v, true
	}
	if flag, ok := f.retryable.(bool); ok {
		err.retryable = 0
		if flag {
			err.retryable = 1
		}
	} else if hasAfter {
		err.retryable = 1
	} else if err.retryable < 0 {
		switch {
		case err.status < 400:
		case err.status == 408 || err.status == 425 || err.status == 429 || err.status == 502 || err.status == 503 || err.status == 504:
			err.retryable = 1
		default:
			err.retryable = 0
		}
	}
}

func parseDuration(v interface{}) (float64, bool) {
	s, ok := v.(string)
	if !ok {
		return 0, false
	}
	s = strings.Trim(s, " \t\n\r\f\v")
	if !strings.HasSuffix(s, "s") {
		return 0, false
	}
	s = s[:len(s)-1]
	whole, frac, hasFrac := strings.Cut(s, ".")
	if whole == "" || len(whole) > 12 || !isDigits(whole) {
		return 0, false
	}
	if hasFrac && (frac == "" || len(frac) > 9 || !isDigits(frac)) {
		return 0, false
	}
	f, _ := strconv.ParseFloat(s, 64)
	return f, true
}

// parseRetryAfter reads a Retry-After value: delay-seconds or an HTTP-date
// (IMF-fixdate, RFC 850 or asctime; a past date gives 0).
func parseRetryAfter(value string, now time.Time) (float64, bool) {
	text := strings.TrimSpace(value)
	if text == "" {
		return 0, false
	}
	if isDigits(text) && len(text) <= 12 {
		n, _ := strconv.ParseInt(text, 10, 64)
		return float64(n), true
	}
	for _, layout := range []string{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 -0700", time.RFC850, time.ANSIC, "Monday, 02-Jan-06 15:04:05 -0700"} {
		if when, err := time.Parse(layout, text); err == nil {
			wait := math.Ceil(float64(when.Sub(now)) / float64(time.Second))
			if wait < 0 {
				wait = 0
			}
			return wait, true
		}
	}
	return 0, false
}

func decodeOne(httpStatus status, hdrs [][2]string, body interface{}, parsed bool, text string, now time.Time) *Error {
	contentType, retry := "", ""
	for _, h := range hdrs {
		name := strings.ToLower(h[0])
		if name == "content-type" && contentType == "" {
			contentType = strings.ToLower(h[1])
		} else if name == "retry-after" && retry == "" {
			retry = h[1]
		}
	}
	var header interface{}
	if d, ok := parseRetryAfter(retry, now); ok {
		header = d
	}
	var f *fields
	jsonrpc := false
	if parsed {
		f = readGoogle(body)
		if f == nil {
			f = readJSONRPC(body)
			jsonrpc = f != nil
		}
		if f == nil {
			f = readProblem(body, contentType)
		}
		if f == nil && len(plainProfiles) > 0 {
			f = readPlain(body)
		}
		if f == nil {
			f = readGeneric(body)
		}
	}
	if f == nil {
		trimmed := strings.TrimSpace(text)
		f = &fields{subKey: "message"}
		if trimmed != "" {
			f.message = trimmed
		} else if httpStatus.ok() {
			f.message = phrase(int(httpStatus))
		}
		for _, s := range spaces {
			if s[1] == "http" && httpStatus.ok() {
				if getIn(strconv.Itoa(int(httpStatus)), s[0]) != nil {
					f.code, f.space = Number(strconv.Itoa(int(httpStatus))), s[0]
					f.message = nil
					if trimmed != "" {
						f.message = trimmed
					}
					break
				}
			}
		}
	}
	if !httpStatus.ok() {
		if n, ok := intOf(f.status); ok && n >= 100 && n <= 599 {
			httpStatus = status(n)
		}
	}
	return build(f, httpStatus, nil, jsonrpc, header)
}

// Decode returns the error a response carries: status (0 for none), headers
// ([name, value] pairs) and body. It recognises google.rpc.Status, JSON-RPC
// (a batch gives its first error), problem+json, the catalog's envelopes and
// generic {"code", "message"} bodies; an unknown code keeps its raw code
// (Entry nil). It never fails: an unreadable body gives an error too.
func Decode(httpStatus int, hdrs [][2]string, body []byte) *Error {
	return DecodeAt(httpStatus, hdrs, body, time.Now())
}

// DecodeAt is Decode with the current time given (for a Retry-After date).
func DecodeAt(httpStatus int, hdrs [][2]string, body []byte, now time.Time) *Error {
	st := status(0)
	if httpStatus >= 100 && httpStatus <= 599 {
		st = status(httpStatus)
	}
	parsed, ok := ParseJSON(body)
	text := ""
	if !ok {
		raw := body
		if len(raw) > 4096*4 {
			raw = raw[:4096*4]
		}
		text = capText(strings.ToValidUTF8(string(raw), "\uFFFD"), 4096)
	}
	if list, isList := parsed.([]interface{}); ok && isList {
		for _, item := range list {
			if o, isObj := item.(Object); isObj && has(o, "error") {
				return decodeOne(st, hdrs, o, true, "", now)
			}
		}
		return decodeOne(st, hdrs, nil, false, "", now)
	}
	return decodeOne(st, hdrs, parsed, ok, text, now)
}

// DecodeBatch decodes a JSON-RPC batch response: one item per response, nil for a success.
func DecodeBatch(httpStatus int, hdrs [][2]string, body []byte) []*Error {
	return DecodeBatchAt(httpStatus, hdrs, body, time.Now())
}

// DecodeBatchAt is DecodeBatch with the current time given (for a Retry-After date).
func DecodeBatchAt(httpStatus int, hdrs [][2]string, body []byte, now time.Time) []*Error {
	parsed, ok := ParseJSON(body)
	list, isList := parsed.([]interface{})
	if !ok || !isList {
		return []*Error{DecodeAt(httpStatus, hdrs, body, now)}
	}
	st := status(0)
	if httpStatus >= 100 && httpStatus <= 599 {
		st = status(httpStatus)
	}
	out := make([]*Error, len(list))
	for i, item := range list {
		if o, isObj := item.(Object); isObj && has(o, "error") {
			out[i] = decodeOne(st, hdrs, o, true, "", now)
		}
	}
	return out
}

// JSON returns v as JSON text in errdex's byte form (compact, members in order).
func JSON(v interface{}) string { return string(appendValue(nil, v)) }
