package skeleton

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// docOverview is awscli's get_shape_doc_overview: the documentation's text
// without markup, cut after its first sentence, with line breaks as spaces.
func docOverview(doc string) string {
	content := stripXMLUntil(doc, ".:")
	// awscli's _SENTENCE_DELIMETERS_REGEX "[.:]+": the overview stops at the
	// first period or colon, wherever it is ("OAuth 2.0" gives "OAuth 2.").
	if i := strings.IndexAny(content, ".:"); i >= 0 {
		content = content[:i]
	}
	if content != "" {
		content += "."
	}
	content = strings.ReplaceAll(content, "\n", " ")
	return strings.ReplaceAll(content, "\u2028", " ")
}

// stripXML keeps the text nodes of "<doc>"+doc+"</doc>" as xml.dom.minidom
// parses it; text that is not well-formed XML is returned unchanged, as the
// reference does when expat rejects it.
func stripXML(doc string) string { return stripXMLUntil(doc, "") }

// stripXMLUntil is stripXML that stops reading once the text holds one of
// the stop bytes: the overview needs only the first sentence, and decoding
// the rest of a long documentation string was most of the yaml-input
// skeleton's run time. Stopping early skips the well-formedness check of
// the rest; TestOverviewStopsEarlyOnlyWhereExact shows that this changes
// nothing for any documentation in the model.
func stripXMLUntil(doc, stop string) string {
	d := xml.NewDecoder(strings.NewReader("<doc>" + doc + "</doc>"))
	d.Strict = true
	var b strings.Builder
	depth := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return doc
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
			if depth < 0 {
				return doc
			}
		case xml.CharData:
			if depth == 0 {
				// Text outside the root element is not well-formed.
				if strings.TrimSpace(string(t)) != "" {
					return doc
				}
				continue
			}
			b.Write(t)
			if stop != "" && strings.ContainsAny(string(t), stop) {
				return b.String()
			}
		case xml.Directive:
			return doc // no DOCTYPE can appear inside an element
		}
	}
	if depth != 0 {
		return doc
	}
	return b.String()
}
