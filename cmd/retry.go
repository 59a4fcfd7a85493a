package cmd

import (
	"math/big"

	"github.com/cognito-cli/aws/internal/clierr"
	"github.com/cognito-cli/aws/internal/params/pyconv"
)

// retrySettings resolves the retry mode and the maximum attempts as the CLI
// does: the environment (AWS_RETRY_MODE, AWS_MAX_ATTEMPTS) first, then the
// profile's retry_mode and max_attempts. It checks them with botocore's
// messages, so the SDK never sees a value the CLI would refuse. Zero
// attempts and an empty mode leave the defaults (standard, 3).
func (a *app) retrySettings() (mode string, attempts int, err error) {
	mode = a.io.Getenv("AWS_RETRY_MODE")
	if mode == "" {
		mode = a.setting("retry_mode")
	}
	if mode != "" && mode != "standard" && mode != "adaptive" {
		return "", 0, clierr.Runtime("Invalid value provided to \"mode\": \"%s\" must be one of: \"standard\" or \"adaptive\"", mode)
	}
	raw := a.io.Getenv("AWS_MAX_ATTEMPTS")
	if raw == "" {
		raw = a.setting("max_attempts")
	}
	if raw == "" {
		return mode, 0, nil
	}
	v, err := pyconv.Int(raw)
	if err != nil {
		return "", 0, clierr.Runtime("%s", err.Error())
	}
	switch n := v.(type) {
	case int64:
		if n < 1 {
			return "", 0, clierr.Runtime("Value provided to \"max_attempts\": %d must be an integer greater than or equal to one.", n)
		}
		// Beyond this a call would retry for hours anyway.
		return mode, int(min(n, 1<<20)), nil
	case *big.Int:
		if n.Sign() < 0 {
			return "", 0, clierr.Runtime("Value provided to \"max_attempts\": %s must be an integer greater than or equal to one.", n.String())
		}
		return mode, 1 << 20, nil
	}
	return mode, 0, nil
}
