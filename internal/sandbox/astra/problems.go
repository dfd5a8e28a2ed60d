package astra

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/google/uuid"
)

// problemTypeBase prefixes every problem number to form its type URI.
const problemTypeBase = "https://astra.netapp.io/problems/"

// problemDef is one entry of the spec's problem catalogue
// (components.schemas.astra_problem_detail_N): status, title and detail are
// the exact enum values of that schema.
type problemDef struct {
	status int
	title  string
	detail string
}

// problemCatalog holds every problem this emulator answers with.
var problemCatalog = map[int]problemDef{
	1:   {http.StatusNotFound, "Resource not found", "The resource specified in the request URI wasn't found."},
	2:   {http.StatusNotFound, "Collection not found", "The collection specified in the request URI wasn't found."},
	3:   {http.StatusUnauthorized, "Missing bearer token", "The request is missing the required bearer token."},
	4:   {http.StatusUnauthorized, "Invalid bearer token", "The bearer token provided is invalid, revoked, or doesn't exist."},
	5:   {http.StatusBadRequest, "Invalid query parameters", "The supplied query parameters are invalid."},
	6:   {http.StatusBadRequest, "Query parameters not supported", "The supplied query parameters aren't supported for this endpoint."},
	7:   {http.StatusBadRequest, "Invalid JSON payload", "The request body is not valid JSON."},
	8:   {http.StatusBadRequest, "Invalid JSON resource", "The request body JSON doesn't conform to the schema."},
	9:   {http.StatusBadRequest, "Invalid JSON resource", "The request body JSON didn't pass extended validation."},
	10:  {http.StatusConflict, "JSON resource conflict", "The request body JSON contains a field that conflicts with an idempotent value."},
	11:  {http.StatusForbidden, "Operation not permitted", "The requested operation isn't permitted."},
	12:  {http.StatusBadRequest, "Invalid headers", "The request headers are invalid."},
	34:  {http.StatusInternalServerError, "Internal server error", "The server was unable to process this request."},
	69:  {http.StatusMethodNotAllowed, "Method not supported", "The requested method isn't supported for the specified resource."},
	71:  {http.StatusForbidden, "Preloaded hook sources read only", "The hook source resource wasn't created, edited, or deleted. Hook source resources with a preloaded value of true are read only."},
	72:  {http.StatusForbidden, "Hook source referenced by execution hook", "The hook source resource wasn't deleted because it is referenced by an execution hook resource."},
	73:  {http.StatusForbidden, "NetApp execution hooks read only", "The execution hook resource wasn't created, edited, or deleted. Execution hook resources with a hookType of NetApp are read only."},
	112: {http.StatusConflict, "Application not ready", "The application is currently unavailable."},
	119: {http.StatusConflict, "Application not unmanaged", "The application wasn't unmanaged because it has an active replication relationship."},
	128: {http.StatusConflict, "Backup cancellation not allowed", "A pending backup can't be canceled."},
	143: {http.StatusConflict, "Backup with the same name exists", "The resource wasn't created because a backup with the same name already exists."},
	144: {http.StatusConflict, "Backup in progress", "The snapshot wasn't deleted because it is currently being used by a backup."},
	147: {http.StatusBadRequest, "Invalid GVKN specified", "An invalid GVKN object was specified in the request. GVKN objects cannot be empty and values must conform to the API schema specification."},
	148: {http.StatusConflict, "A snapshot is already in progress", "The requested operation is not possible because a snapshot is already in progress."},
	149: {http.StatusConflict, "Snapshot not supported", "The application isn't eligible for snapshots."},
	150: {http.StatusConflict, "Replication not supported", "The application isn't eligible for replication."},
	151: {http.StatusConflict, "Clone operation not supported", "The application isn't eligible for a clone operation."},
	152: {http.StatusConflict, "In-place restore not supported", "The requested operation is not possible because a backup is already in progress."},
	153: {http.StatusConflict, "Replication policy not supported", "The application isn't eligible for creating a replication policy."},
	154: {http.StatusConflict, "Protection policy not supported", "The application isn't eligible for creating a protection policy."},
	155: {http.StatusConflict, "Selective restore not supported", "The application isn't eligible for selective restore."},
	156: {http.StatusBadRequest, "Target storage class not found", "The target storage class specified for the clone/restore operation doesn't exist on the target cluster."},
	162: {http.StatusConflict, "Post-failover execution hooks not supported", "The application isn't eligible for post-failover execution hooks."},
	176: {http.StatusConflict, "Snapshot name already exists", "The resource wasn't created because a snapshot with the same name already exists."},
	177: {http.StatusBadRequest, "Bucket assignment for snapshot not allowed", "This snapshot isn't eligible for bucket assignment because the associated cluster doesn't have the 'neptuneV1' capability."},
}

// invalidItem names one invalid query parameter, header or body field.
type invalidItem struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// problem is an Astra error body (RFC 7807-like). Status is a string, as in
// the spec.
type problem struct {
	Type                    string        `json:"type"`
	Title                   string        `json:"title"`
	Detail                  string        `json:"detail"`
	Status                  string        `json:"status"`
	CorrelationID           string        `json:"correlationID"`
	InvalidParams           []invalidItem `json:"invalidParams,omitempty"`
	InvalidFields           []invalidItem `json:"invalidFields,omitempty"`
	SchemaValidationFailure string        `json:"schemaValidationFailure,omitempty"`

	code int
}

// newProblem returns problem n of the catalogue with a fresh correlation ID.
// It panics on a number missing from the catalogue: that is a programming
// error caught by the tests.
func newProblem(n int) *problem {
	def, ok := problemCatalog[n]
	if !ok {
		panic("astra sandbox: problem " + strconv.Itoa(n) + " is not in the catalogue")
	}
	return &problem{
		Type:          problemTypeBase + strconv.Itoa(n),
		Title:         def.title,
		Detail:        def.detail,
		Status:        strconv.Itoa(def.status),
		CorrelationID: uuid.NewString(),
		code:          def.status,
	}
}

// invalidParams returns problem n (5, 6 or 12) naming one parameter.
func invalidParams(n int, name, reason string) *problem {
	p := newProblem(n)
	p.InvalidParams = []invalidItem{{Name: name, Reason: reason}}
	return p
}

// invalidFields returns problem n (9 or 10) naming the given fields.
func invalidFields(n int, fields ...invalidItem) *problem {
	p := newProblem(n)
	p.InvalidFields = fields
	return p
}

// nameConflict returns 409 problem 10 naming the name field: what ("a hook
// source") called name already exists.
func nameConflict(what, name string) *problem {
	return invalidFields(10, invalidItem{
		Name:   "name",
		Reason: what + " named " + strconv.Quote(name) + " already exists; names must be unique",
	})
}

// idMismatch returns 409 problem 10 for a PUT whose id is not the path's.
func idMismatch() *problem {
	return invalidFields(10, invalidItem{Name: "id", Reason: "must match the ID in the request URI"})
}

// schemaFailure returns problem 8 with the given explanation.
func schemaFailure(reason string) *problem {
	p := newProblem(8)
	p.SchemaValidationFailure = reason
	return p
}

// write sends p as an application/problem+json response.
func (p *problem) write(w http.ResponseWriter) {
	body, err := json.Marshal(p)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(p.code)
	_, _ = w.Write(append(body, '\n'))
}
