package help

//go:generate go run ./internal/gendoc
