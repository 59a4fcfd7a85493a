// Package output prints response documents in the AWS CLI's output
// formats, byte for byte as the reference CLI does:
//
//   - json: WriteJSON (model member order, Python's json.dumps layout)
//   - text: WriteText, called once per page after --query (see WriteText)
//   - table: WriteTable / WriteTableWidth (title = operation name; colour)
//   - yaml: WriteYAML; yaml-stream: WriteYAMLStream, once per page
//
// Text, table and yaml sort dictionary keys; json keeps their order.
// Values are internal/document values.
package output
