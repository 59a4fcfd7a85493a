package help

import (
	"bytes"
	"sort"
	"strings"
	"testing"

	"github.com/cognito-cli/aws/model"
)

// optionBlocks splits the OPTIONS section of a rendered page into the text
// of each option, keyed by the option's first name.
func optionBlocks(t *testing.T, page string) map[string]string {
	t.Helper()
	start := strings.Index(page, "\nOPTIONS\n")
	end := strings.Index(page, "\nGLOBAL OPTIONS\n")
	if start < 0 || end < start {
		t.Fatalf("no OPTIONS section in\n%s", page)
	}
	blocks := map[string]string{}
	name := ""
	for _, l := range strings.Split(page[start+len("\nOPTIONS\n"):end], "\n") {
		if strings.HasPrefix(l, "       --") {
			name = strings.Fields(l)[0]
			if _, dup := blocks[name]; dup {
				t.Fatalf("option %s shown twice", name)
			}
		}
		if name != "" {
			blocks[name] += l + "\n"
		}
	}
	return blocks
}

// nestedEnums collects every enum value reachable from a shape.
func nestedEnums(m *model.Model, s *model.Shape, seen map[string]bool, out map[string]bool) {
	if s == nil || seen[s.Name] {
		return
	}
	seen[s.Name] = true
	for _, v := range s.Enum {
		out[v] = true
	}
	for _, mem := range s.Members {
		nestedEnums(m, m.Shape(mem.Shape), seen, out)
	}
	for _, r := range []*model.Ref{s.Member, s.Key, s.Value} {
		if r != nil {
			nestedEnums(m, m.Shape(r.Shape), seen, out)
		}
	}
}

// TestEveryOperationDocumentsItsOptions checks, for every operation, that
// the help page shows exactly the model's input members as options (plus
// the options the CLI adds), with the type, [REQUIRED] and every enum value
// the model gives.
func TestEveryOperationDocumentsItsOptions(t *testing.T) {
	m := model.New()
	for _, opName := range model.OperationNames() {
		p, err := Operation(m, opName)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := p.WriteText(&buf); err != nil {
			t.Fatal(err)
		}
		page := buf.String()
		blocks := optionBlocks(t, page)

		want := map[string]bool{"--cli-input-json": true, "--cli-input-yaml": true, "--generate-cli-skeleton": true}
		if pg, ok := model.PaginatorFor(opName); ok {
			want["--starting-token"], want["--max-items"] = true, true
			if pg.LimitKey != "" {
				want["--page-size"] = true
			}
		}
		op := m.Operation(opName)
		var in *model.Shape
		if op.Input != nil {
			in = m.Shape(op.Input.Shape)
			for _, mem := range in.Members {
				want["--"+model.XformName(mem.Name, '-')] = true
			}
		}
		if got, exp := keys(blocks), keysOf(want); strings.Join(got, " ") != strings.Join(exp, " ") {
			t.Errorf("%s: options in help\n%v\nwant\n%v", opName, got, exp)
			continue
		}
		if in == nil {
			continue
		}
		for _, mem := range in.Members {
			s := m.Shape(mem.Shape)
			name := "--" + model.XformName(mem.Name, '-')
			block := blocks[name]
			head := strings.SplitN(block, "\n", 2)[0]
			if !strings.Contains(head, "("+s.Type+")") {
				t.Errorf("%s %s: heading %q lacks type %s", opName, name, head, s.Type)
			}
			if strings.Contains(head, "[REQUIRED]") != in.IsRequired(mem.Name) {
				t.Errorf("%s %s: heading %q, required=%v", opName, name, head, in.IsRequired(mem.Name))
			}
			if s.Type == "boolean" && !strings.Contains(head, "--no-"+name[2:]) {
				t.Errorf("%s %s: boolean without its --no- form: %q", opName, name, head)
			}
			enums := map[string]bool{}
			nestedEnums(m, s, map[string]bool{}, enums)
			for v := range enums {
				if !containsWord(block, v) {
					t.Errorf("%s %s: enum value %s not shown", opName, name, v)
				}
			}
			if s.Type == "structure" || s.Type == "map" {
				if !strings.Contains(block, "Shorthand Syntax:") || !strings.Contains(block, "JSON Syntax:") {
					t.Errorf("%s %s: no syntax blocks", opName, name)
				}
			}
		}
		for _, sect := range []string{"\nNAME\n", "\nDESCRIPTION\n", "\nSYNOPSIS\n", "\nGLOBAL OPTIONS\n", "\nOUTPUT\n"} {
			if !strings.Contains(page, sect) {
				t.Errorf("%s: no %s section", opName, strings.TrimSpace(sect))
			}
		}
	}
}

func containsWord(text, w string) bool {
	for _, f := range strings.FieldsFunc(text, func(r rune) bool {
		return r == ' ' || r == '\n' || r == '"' || r == '|' || r == ','
	}) {
		if f == w {
			return true
		}
	}
	return false
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func keysOf(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// The syntax examples below were copied from the reference CLI's help
// (AWS_DATA_PATH=/tmp/awsdata /usr/bin/aws cognito-idp create-user-pool help
// and admin-create-user help, 2.9.19 on the vendored model).
func TestSyntaxMatchesReference(t *testing.T) {
	m := model.New()
	in := m.Shape("CreateUserPoolRequest")
	cases := []struct {
		member, shorthand, json string
	}{
		{"Policies", "PasswordPolicy={MinimumLength=integer,RequireUppercase=boolean,RequireLowercase=boolean,RequireNumbers=boolean,RequireSymbols=boolean,PasswordHistorySize=integer,TemporaryPasswordValidityDays=integer},SignInPolicy={AllowedFirstAuthFactors=[string,string]}", ""},
		{"UserAttributeUpdateSettings", "AttributesRequireVerificationBeforeUpdate=string,string", ""},
		{"UserPoolTags", "KeyName1=string,KeyName2=string", "{\"string\": \"string\"\n  ...}"},
		{"AccountRecoverySetting", "RecoveryMechanisms=[{Priority=integer,Name=string},{Priority=integer,Name=string}]", ""},
		{"AdminCreateUserConfig", "AllowAdminCreateUserOnly=boolean,UnusedAccountValidityDays=integer,InviteMessageTemplate={SMSMessage=string,EmailMessage=string,EmailSubject=string}",
			"{\n  \"AllowAdminCreateUserOnly\": true|false,\n  \"UnusedAccountValidityDays\": integer,\n  \"InviteMessageTemplate\": {\n    \"SMSMessage\": \"string\",\n    \"EmailMessage\": \"string\",\n    \"EmailSubject\": \"string\"\n  }\n}"},
		{"Schema", "Name=string,AttributeDataType=string,DeveloperOnlyAttribute=boolean,Mutable=boolean,Required=boolean,NumberAttributeConstraints={MinValue=string,MaxValue=string},StringAttributeConstraints={MinLength=string,MaxLength=string} ...",
			"[\n  {\n    \"Name\": \"string\",\n    \"AttributeDataType\": \"String\"|\"Number\"|\"DateTime\"|\"Boolean\",\n    \"DeveloperOnlyAttribute\": true|false,\n    \"Mutable\": true|false,\n    \"Required\": true|false,\n    \"NumberAttributeConstraints\": {\n      \"MinValue\": \"string\",\n      \"MaxValue\": \"string\"\n    },\n    \"StringAttributeConstraints\": {\n      \"MinLength\": \"string\",\n      \"MaxLength\": \"string\"\n    }\n  }\n  ...\n]"},
	}
	for _, c := range cases {
		s := m.Shape(in.FindMember(c.member).Shape)
		if got := Shorthand(m, s); got != c.shorthand {
			t.Errorf("%s shorthand:\n got %s\nwant %s", c.member, got, c.shorthand)
		}
		if c.json != "" {
			if got := JSONSyntax(m, s); got != c.json {
				t.Errorf("%s JSON:\n got %s\nwant %s", c.member, got, c.json)
			}
		}
	}
}

func TestServiceAndTopPages(t *testing.T) {
	var buf bytes.Buffer
	if err := Service().WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	for _, n := range model.OperationNames() {
		if !strings.Contains(buf.String(), "* "+model.XformName(n, '-')+"\n") {
			t.Errorf("service page lacks %s", n)
		}
	}
	buf.Reset()
	if err := Top().WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"cognito-idp", "--cli-error-format", "--no-cli-pager"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("top page lacks %q", want)
		}
	}
}

func TestRoffEscapes(t *testing.T) {
	p := &Page{Name: "aws cognito-idp x", Sections: []Section{{"NAME", ".starts with a dot\nback\\slash\n"}}}
	var buf bytes.Buffer
	if err := p.WriteRoff(&buf, "v1"); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	for _, want := range []string{".TH \"AWS-COGNITO-IDP-X\" 1", ".SH \"NAME\"\n.nf\n\\&.starts with a dot\nback\\eslash\n.fi\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("roff lacks %q:\n%s", want, got)
		}
	}
}
