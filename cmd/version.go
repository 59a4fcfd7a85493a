package cmd

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/cognito-cli/aws/model"
)

// programName is how --version names this build, so it is never mistaken
// for the AWS CLI it stands in for.
const programName = "cognito-cli"

// versionLine is what --version prints: name/version, the Go toolchain,
// the platform and the model, in the AWS CLI's "name/version" style.
func versionLine() string {
	return fmt.Sprintf("%s/%s Go/%s %s/%s botocore/%s\n", programName, buildVersion(),
		strings.TrimPrefix(runtime.Version(), "go"), runtime.GOOS, runtime.GOARCH, model.BotocoreVersion)
}

// buildVersion is the version stamped by the release build, else the
// module version "go install module@version" records, else "dev".
func buildVersion() string {
	if Version != "" && Version != "dev" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

func (a *app) printVersion(w io.Writer) error {
	_, err := io.WriteString(w, versionLine())
	return err
}
