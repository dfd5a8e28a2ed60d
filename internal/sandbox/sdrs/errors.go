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

	// Protected instances, attachments, NICs, resize, expand, drills and
	// the task center (sdrs.md §22).
	"SDRS.0208": {http.StatusBadRequest, "Invalid protected instance ID"},
	"SDRS.0209": {http.StatusBadRequest, "Incorrect status"},
	"SDRS.0210": {http.StatusBadRequest, "Invalid server ID"},
	"SDRS.0213": {http.StatusBadRequest, "Invalid replication pair ID"},
	"SDRS.0218": {http.StatusBadRequest, "Invalid cluster ID"},
	"SDRS.0219": {http.StatusBadRequest, "Invalid IP address"},
	"SDRS.0223": {http.StatusBadRequest, "Invalid NIC ID"},
	"SDRS.0227": {http.StatusBadRequest, "Invalid dedicated_host_id"},
	"SDRS.0228": {http.StatusBadRequest, "Invalid tenancy"},
	"SDRS.0305": {http.StatusBadRequest, "Insufficient protection group quota"},
	"SDRS.0306": {http.StatusBadRequest, "Insufficient replication pair quota"},
	"SDRS.1001": {http.StatusBadRequest, "Protection group deletion not allowed due to a protected instance"},
	"SDRS.1003": {http.StatusBadRequest, "Protection group deletion not allowed due to a DR drill"},
	"SDRS.1301": {http.StatusBadRequest, "Protected instance deletion not allowed in the current state"},
	"SDRS.1303": {http.StatusBadRequest, "Server AZ different from the current production site AZ of the protection group"},
	"SDRS.1304": {http.StatusBadRequest, "Server VPC different from the VPC of the protection group"},
	"SDRS.1305": {http.StatusBadRequest, "Server already used by a protected instance"},
	"SDRS.1310": {http.StatusBadRequest, "NIC not exist"},
	"SDRS.1311": {http.StatusBadRequest, "Deleting the primary NIC not allowed"},
	"SDRS.1316": {http.StatusBadRequest, "Server not stopped"},
	"SDRS.1319": {http.StatusBadRequest, "Current production site server not stopped"},
	"SDRS.1320": {http.StatusBadRequest, "Protected instance not found"},
	"SDRS.1326": {http.StatusBadRequest, "Server not found"},
	"SDRS.1327": {http.StatusBadRequest, "NIC operation not allowed in the current state of the protected instance"},
	"SDRS.1328": {http.StatusBadRequest, "Operation not allowed because the protected instance status not available"},
	"SDRS.1330": {http.StatusBadRequest, "Server at the current production site cannot be deleted because the current production site not the one specified when the protection group is created"},
	"SDRS.1333": {http.StatusBadRequest, "Server status is not active or shutoff"},
	"SDRS.1334": {http.StatusBadRequest, "Private IP address in the subnet is in use"},
	"SDRS.1335": {http.StatusBadRequest, "Subnet not found"},
	"SDRS.1338": {http.StatusBadRequest, "EIP of the server at the current production site cannot be deleted because the current production site not the one specified when the protection group is created"},
	"SDRS.1339": {http.StatusBadRequest, "No system disk attached to the server"},
	"SDRS.1340": {http.StatusBadRequest, "The number of NICs reaches the upper limit"},
	"SDRS.1341": {http.StatusBadRequest, "Another flavor must be used for resizing"},
	"SDRS.1342": {http.StatusBadRequest, "Current DR site server not stopped"},
	"SDRS.1352": {http.StatusBadRequest, "Current production site server not stopped"},
	"SDRS.1353": {http.StatusBadRequest, "DR site server flavor not supported"},
	"SDRS.1356": {http.StatusBadRequest, "Production site server flavor not supported"},
	"SDRS.1367": {http.StatusBadRequest, "The server is not on a dedicated host: dedicated host parameters not allowed"},
	"SDRS.1380": {http.StatusBadRequest, "primary_subnet_id must be specified when primary_ip_address is specified"},
	"SDRS.1603": {http.StatusBadRequest, "Replication pair attached or device name used to attach to a disk"},
	"SDRS.1604": {http.StatusBadRequest, "Replication pair not attached"},
	"SDRS.1605": {http.StatusBadRequest, "Replication pair attached"},
	"SDRS.1900": {http.StatusBadRequest, "Invalid DR drill ID"},
	"SDRS.1902": {http.StatusBadRequest, "DR drill not found"},
	"SDRS.1907": {http.StatusBadRequest, "Drill VPC conflicts with the VPC of the protection group"},
	"SDRS.1908": {http.StatusBadRequest, "Drill VPC not have a subnet"},
	"SDRS.1909": {http.StatusBadRequest, "Drill VPC not have the CIDR block"},
	"SDRS.1913": {http.StatusBadRequest, "DR drill deletion not allowed in the current state"},
	"SDRS.1921": {http.StatusBadRequest, "Drill VPC is already used for creating a DR drill"},
	"SDRS.1928": {http.StatusBadRequest, "Drill VPC not found"},
	"SDRS.2203": {http.StatusBadRequest, "The number of tags exceeds the upper limit"},
	"SDRS.2204": {http.StatusBadRequest, "Invalid tag key"},
	"SDRS.2205": {http.StatusBadRequest, "Invalid tag value"},
	"SDRS.2208": {http.StatusBadRequest, "Duplicate tag keys"},
	"SDRS.2201": {http.StatusBadRequest, "Invalid tag action"},
	"SDRS.2221": {http.StatusBadRequest, "Tags cannot be changed in the current state of the protected instance"},
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
	codeExpandFailed      = "SDRS.1820"

	codeCreateInstanceFailed = "SDRS.1350"
	codeDeleteInstanceFailed = "SDRS.1351"
	codeAttachFailed         = "SDRS.1821"
	codeDetachFailed         = "SDRS.1822"
	codeAddNICFailed         = "SDRS.1312"
	codeDeleteNICFailed      = "SDRS.1313"
	codeResizeFailed         = "SDRS.1329"
	codeCreateDrillFailed    = "SDRS.1922"
	codeDeleteDrillFailed    = "SDRS.1923"
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
	codeExpandFailed:      "Failed to expand the capacity",

	codeCreateInstanceFailed: "Failed to create the protected instance",
	codeDeleteInstanceFailed: "Failed to delete the protected instance",
	codeAttachFailed:         "Failed to attach the replication pair",
	codeDetachFailed:         "Failed to detach the replication pair",
	codeAddNICFailed:         "Failed to add the NIC",
	codeDeleteNICFailed:      "Failed to delete the NIC",
	codeResizeFailed:         "Failed to modify protected instance specifications",
	codeCreateDrillFailed:    "Failed to create the DR drill",
	codeDeleteDrillFailed:    "Failed to delete the DR drill",
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
