package astra

// packageQueryKeys are the query keys of GET core/v1/packages, in the
// spec's order.
var packageQueryKeys = []string{queryFilter, queryOrderBy, queryInclude, queryLimit}

// packageFields is package_1.0_get_response_body as a field tree: the
// fields that filter, orderBy and include may name.
var packageFields = fieldObject(withFields(
	scalarFields("type", "version", "id", "packageName", "packageVersion", "packageType", "severityLevel", "packageState"),
	map[string]*fieldNode{
		"bundleName":              fieldArray(fieldScalar()),
		"packageStateTransitions": fieldArray(fieldObject(withFields(scalarFields("from"), map[string]*fieldNode{"to": fieldArray(fieldScalar())}))),
		"packageStateDetails":     fieldArray(fieldObject(scalarFields("type", "title", "detail"))),
		"images": fieldArray(fieldObject(withFields(scalarFields("imageName", "imagePath", "imageTag", "imageDigest"),
			map[string]*fieldNode{"dependsOnImages": fieldArray(fieldObject(scalarFields("imagePath", "imageName", "imageTag")))}))),
		"artifacts": fieldArray(fieldObject(withFields(scalarFields("artifactName", "artifactIdentifier", "artifactPath", "artifactVersion"),
			map[string]*fieldNode{"dependsOnComponents": fieldArray(fieldObject(withFields(scalarFields("componentName"),
				map[string]*fieldNode{"versions": fieldArray(fieldScalar())})))}))),
		"files":              fieldArray(fieldObject(scalarFields("fileName", "fileIdentifier", "fileMediaType", "fileContents"))),
		"upgradableVersions": fieldObject(scalarFields("minVersion", "maxVersion")),
		"dependencies":       fieldArray(fieldObject(scalarFields("componentName", "componentMinVersion", "componentMaxVersion"))),
		"metadata":           metadataFields(),
	},
))
