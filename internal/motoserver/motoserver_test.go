package motoserver

import (
	"errors"
	"strings"
	"syscall"
	"testing"
)

// The expected IDs come from the reference transcripts of the public
// conformance cases (../shared/conformance/refcache): lupc-table lists the
// pool+3clients fixture's pool and client IDs, err-unknown-options shows the
// pool+client fixture's client ID.
const (
	wantPoolID  = "us-east-1_bdd640fb06674ad19c80317fa3b1799d"
	wantAlpha   = "43b7a3a69a8d4a03980d7b71d8"
	wantBeta    = "ece66fa2fd5146e6851b4cf361"
	wantGamma   = "28f49481a0a04dc4a7209bdf1c"
	wantWebApp  = "43b7a3a69a8d4a03980d7b71d8"
	poolARNHead = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/"
)

// One server serves the subtests: starting moto takes seconds.
func TestServer(t *testing.T) {
	s := StartT(t)
	t.Run("FixturesMatchTranscriptIDs", func(t *testing.T) { testFixtureIDs(t, s) })
	t.Run("EveryFixtureApplies", func(t *testing.T) { testEveryFixture(t, s) })
	t.Run("CallReportsServiceErrors", func(t *testing.T) { testServiceError(t, s) })
	t.Run("LauncherPatchesApplied", func(t *testing.T) { testPatchesApplied(t, s) })
}

// The launcher reports each of its patches of moto that failed on stderr;
// without them IDs, timestamps or tokens drift from the transcripts (or,
// for the key cache, every pool costs a tenth of a second again).
func testPatchesApplied(t *testing.T, s *Server) {
	if tail := s.stderr.tail(50); strings.Contains(tail, "motoserver: could not") {
		t.Errorf("moto's launcher could not apply a patch:\n%s", tail)
	}
}

func testFixtureIDs(t *testing.T, s *Server) {
	for round := 0; round < 2; round++ { // a reset must give the same IDs again
		if err := s.Reset(); err != nil {
			t.Fatal(err)
		}
		vars, err := s.ApplyFixture("pool+3clients")
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"POOL_ID": wantPoolID, "CLIENT_ID": wantAlpha,
			"CLIENT_ID_2": wantBeta, "CLIENT_ID_3": wantGamma, "POOL_ARN": poolARNHead + wantPoolID,
			"POOL_ID_2": "", "CLIENT_SECRET": ""}
		for k, v := range want {
			if vars[k] != v {
				t.Errorf("round %d: %s = %q, want %q", round, k, vars[k], v)
			}
		}
	}
	if err := s.Reset(); err != nil {
		t.Fatal(err)
	}
	vars, err := s.ApplyFixture("pool+client")
	if err != nil {
		t.Fatal(err)
	}
	if vars["CLIENT_ID"] != wantWebApp {
		t.Errorf("pool+client CLIENT_ID = %q, want %q", vars["CLIENT_ID"], wantWebApp)
	}
}

func testEveryFixture(t *testing.T, s *Server) {
	for _, name := range FixtureNames() {
		if err := s.Reset(); err != nil {
			t.Fatal(err)
		}
		vars, err := s.ApplyFixture(name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if name != "none" && vars["POOL_ID"] != wantPoolID {
			t.Errorf("%s: POOL_ID = %q", name, vars["POOL_ID"])
		}
	}
	if err := s.Reset(); err != nil {
		t.Fatal(err)
	}
	vars, err := s.ApplyFixture("pool+secret-client")
	if err != nil {
		t.Fatal(err)
	}
	if vars["CLIENT_SECRET"] == "" {
		t.Error("pool+secret-client: no CLIENT_SECRET captured")
	}
	if _, err := s.ApplyFixture("nope"); err == nil {
		t.Error("unknown fixture accepted")
	}
}

func testServiceError(t *testing.T, s *Server) {
	if err := s.Reset(); err != nil {
		t.Fatal(err)
	}
	_, err := s.Call("DescribeUserPool", map[string]any{"UserPoolId": "us-east-1_nope"})
	if err == nil {
		t.Fatal("describing a missing pool succeeded")
	}
}

func TestStopKillsProcessGroup(t *testing.T) {
	s, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	pid := s.cmd.Process.Pid
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	if err := s.Stop(); err != nil { // idempotent
		t.Fatal(err)
	}
	if err := syscall.Kill(-pid, 0); !errors.Is(err, syscall.ESRCH) {
		t.Errorf("process group %d still exists after Stop (kill 0: %v)", pid, err)
	}
	if err := s.Reset(); err == nil {
		t.Error("Reset succeeded after Stop")
	}
}
