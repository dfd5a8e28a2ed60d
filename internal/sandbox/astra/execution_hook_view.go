package astra

import (
	"regexp"
	"slices"
)

// Execution hook constants of the spec (executionHook_1.3_*, astra.md §3.4).
const (
	executionHookType    = "application/astra-executionHook"
	executionHooksType   = "application/astra-executionHooks"
	executionHookVersion = "1.3"
	hookTypeCustom       = "custom"
	hookTypeNetApp       = "netapp"
)

// executionHookBody is executionHook_1.3_get_response_body, fields in the
// order of the spec examples.
type executionHookBody struct {
	Type               string               `json:"type"`
	Version            string               `json:"version"`
	ID                 string               `json:"id"`
	Name               string               `json:"name"`
	HookType           string               `json:"hookType"`
	MatchingCriteria   []matchCriterion     `json:"matchingCriteria"`
	Action             string               `json:"action"`
	Stage              string               `json:"stage"`
	HookSourceID       string               `json:"hookSourceID"`
	Arguments          []string             `json:"arguments"`
	AppID              string               `json:"appID,omitempty"`
	Enabled            string               `json:"enabled"`
	Description        *string              `json:"description,omitempty"`
	MatchingContainers *[]matchingContainer `json:"matchingContainers,omitempty"`
	MatchingImages     *[]string            `json:"matchingImages,omitempty"`
	Metadata           metadata             `json:"metadata"`
}

// view renders h. When x (h's app) is not nil, matchingContainers and
// matchingImages are computed from the criteria and the app's containers,
// as GET does.
func (h *executionHook) view(x *app) any {
	b := executionHookBody{
		Type:             executionHookType,
		Version:          executionHookVersion,
		ID:               h.id,
		Name:             h.name,
		HookType:         h.hookType,
		MatchingCriteria: h.criteria,
		Action:           h.action,
		Stage:            h.stage,
		HookSourceID:     h.hookSourceID,
		Arguments:        h.arguments,
		AppID:            h.appID,
		Enabled:          boolString(h.enabled),
		Description:      h.description,
		Metadata:         h.metadata(),
	}
	if b.MatchingCriteria == nil {
		b.MatchingCriteria = []matchCriterion{}
	}
	if b.Arguments == nil {
		b.Arguments = []string{}
	}
	if x != nil {
		containers, images := matchContainers(x, h.criteria)
		b.MatchingContainers, b.MatchingImages = &containers, &images
	}
	return b
}

// matchingContainer is an entry of an execution hook's matchingContainers.
type matchingContainer struct {
	PodName        string  `json:"podName"`
	PodLabels      []label `json:"podLabels"`
	ContainerImage string  `json:"containerImage"`
	ContainerName  string  `json:"containerName"`
	NamespaceName  string  `json:"namespaceName"`
}

// matchContainers returns the containers of the app that satisfy every
// criterion (AND; none matches every container), and their distinct
// images. A criterion's value is an RE2 regular expression that must match
// somewhere in the value (podLabel: in "name=value" of any pod label). The
// sandbox has no Kubernetes: an app's containers are those of its
// namespaces its label selectors select (namespaceContainers).
func matchContainers(x *app, criteria []matchCriterion) ([]matchingContainer, []string) {
	compiled := make([]*regexp.Regexp, len(criteria))
	for i, c := range criteria {
		re, err := regexp.Compile(c.Value)
		if err != nil {
			return []matchingContainer{}, []string{}
		}
		compiled[i] = re
	}
	containers := []matchingContainer{}
	images := []string{}
	for _, ctr := range x.containers {
		ok := true
		for i, c := range criteria {
			if !criterionMatches(c.Type, compiled[i], ctr) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		containers = append(containers, matchingContainer{
			PodName: ctr.pod, PodLabels: slices.Clone(ctr.labels), ContainerImage: ctr.image,
			ContainerName: ctr.name, NamespaceName: ctr.namespace,
		})
		if !slices.Contains(images, ctr.image) {
			images = append(images, ctr.image)
		}
	}
	return containers, images
}

// criterionMatches applies one criterion to one container.
func criterionMatches(kind string, re *regexp.Regexp, ctr container) bool {
	switch kind {
	case "containerImage":
		return re.MatchString(ctr.image)
	case "containerName":
		return re.MatchString(ctr.name)
	case "podName":
		return re.MatchString(ctr.pod)
	case "namespaceName":
		return re.MatchString(ctr.namespace)
	case "podLabel":
		for _, l := range ctr.labels {
			if re.MatchString(l.Name + "=" + l.Value) {
				return true
			}
		}
	}
	return false
}
