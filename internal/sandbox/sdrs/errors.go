package sdrs

import "net/http"

// Error codes of the SDRS catalogue (sdrs.md §4.3, §22) that the sandbox
// answers, with the catalogue's HTTP status and message.
var catalogue = map[string]struct {
	status  int
	message string
}{
	"SDRS.0001": {http.StatusBadRequest, "Invalid tenant ID"},
	"SDRS.0201": {http.StatusBadRequest, "Invalid request parameters"},
	"SDRS.0202": {http.StatusBadRequest, "Invalid name"},
	"SDRS.0203": {http.StatusBadRequest, "Invalid AZ"},
	"SDRS.0204": {http.StatusBadRequest, "Invalid VPC"},
	"SDRS.0205": {http.StatusBadRequest, "Invalid domain ID"},
	"SDRS.0206": {http.StatusBadRequest, "Invalid action"},
	"SDRS.0211": {http.StatusBadRequest, "Invalid disk ID"},
	"SDRS.0212": {http.StatusBadRequest, "Invalid description"},
	"SDRS.0214": {http.StatusBadRequest, "Incorrect replication pair status"},
	"SDRS.0221": {http.StatusBadRequest, "limit value must be greater than 0 or less than 1000"},
	"SDRS.0222": {http.StatusBadRequest, "offset value cannot be negative, and must be an integer"},
	"SDRS.0226": {http.StatusBadRequest, "IDs exceed the upper limit"},
	"SDRS.0408": {http.StatusNotFound, "Null job"},
	"SDRS.1002": {http.StatusBadRequest, "Operation not allowed for the protection group in the current state"},
	"SDRS.1010": {http.StatusBadRequest, "Protection group deletion not allowed due to a replication pair"},
	"SDRS.1013": {http.StatusBadRequest, "Protection group not found"},
	"SDRS.1019": {http.StatusBadRequest, "Operation not allowed because the protection status of the protection group not started"},
	"SDRS.1021": {http.StatusBadRequest, "Operation not allowed because the protection group status not available, failed-over, or failed-over-back"},
	"SDRS.1022": {http.StatusBadRequest, "Operation not allowed because the protection group status not available, error-failing-over, or error-failing-over-back"},
	"SDRS.1023": {http.StatusBadRequest, "Operation not allowed because the protection group status not available, error-reversing, or error-failing-back"},
	"SDRS.1024": {http.StatusBadRequest, "Operation not allowed because the protection group status not available or protected"},
	"SDRS.1601": {http.StatusBadRequest, "Replication pair status not available"},
	"SDRS.1608": {http.StatusBadRequest, "Replication pair not found"},
	"SDRS.1611": {http.StatusBadRequest, "Replication pair not in the protection group"},
	"SDRS.1810": {http.StatusBadRequest, "Current production site AZ of the disk different from that of the protection group"},
	"SDRS.1811": {http.StatusBadRequest, "Disk already used by a replication pair"},
}

// Job failure codes (reported in a FAIL job's error_code).
const (
	codeCreateGroupFailed = "SDRS.1014"
	codeDeleteGroupFailed = "SDRS.1016"
	codeStartFailed       = "SDRS.1027"
	codeStopFailed        = "SDRS.1028"
	codeReverseFailed     = "SDRS.1029"
	codeFailoverFailed    = "SDRS.1030"
	codeReprotectFailed   = "SDRS.1032"
	codeCreatePairFailed  = "SDRS.1609"
	codeDeletePairFailed  = "SDRS.1607"
)

// jobFailureReasons are the catalogue messages of the job failure codes.
var jobFailureReasons = map[string]string{
	codeCreateGroupFailed: "Failed to create the protection group",
	codeDeleteGroupFailed: "Failed to delete the protection group",
	codeStartFailed:       "Failed to enable protection",
	codeStopFailed:        "Failed to disable protection",
	codeReverseFailed:     "Failed to perform the planned failover",
	codeFailoverFailed:    "Failed to perform the failover",
	codeReprotectFailed:   "Failed to enable protection again",
	codeCreatePairFailed:  "Replication pair creation failure",
	codeDeletePairFailed:  "Failed to delete the replication pair",
}

// apiError is an SDRS error answer: {"error":{"code","message"}}, the shape
// every SDRS API page documents (sdrs.md §4.2).
type apiError struct {
	status  int
	code    string
	message string
}

// sdrsError returns the catalogue error for code; detail, when given, is
// appended to the catalogue message so that a sandbox user sees which
// parameter was refused.
func sdrsError(code string, detail string) *apiError {
	c, ok := catalogue[code]
	if !ok {
		c.status, c.message = http.StatusInternalServerError, "Internal error"
		code = "SDRS.0013"
	}
	msg := c.message
	if detail != "" {
		msg += ": " + detail
	}
	return &apiError{status: c.status, code: code, message: msg}
}

func (e *apiError) write(w http.ResponseWriter) {
	body := map[string]any{"error": map[string]string{"message": e.message, "code": e.code}}
	writeJSON(w, e.status, body)
}

// gatewayError is an answer of Huawei Cloud's API gateway (APIG), which
// authenticates requests before SDRS sees them:
// {"error_msg","error_code","request_id"} (sdrs.md §4.2).
type gatewayError struct {
	status  int
	code    string
	message string
}

// Gateway errors.
const (
	gwAuthFailed  = "APIGW.0301" // Incorrect IAM authentication information
	gwAPINotFound = "APIGW.0101" // The API does not exist or has not been published
)

func authFailed(detail string) *gatewayError {
	return &gatewayError{status: http.StatusUnauthorized, code: gwAuthFailed, message: "Incorrect IAM authentication information: " + detail}
}

func (e *gatewayError) write(w http.ResponseWriter) {
	body := map[string]string{"error_msg": e.message, "error_code": e.code, "request_id": w.Header().Get(headerRequestID)}
	writeJSON(w, e.status, body)
}

// headerRequestID carries the request ID on every answer; the SDK reads it
// into ServiceResponseError.RequestId.
const headerRequestID = "X-Request-Id"
