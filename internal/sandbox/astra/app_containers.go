package astra

import (
	"regexp"
	"slices"
)

// The sandbox has no Kubernetes: each app name has a fixed set of
// containers, which is what execution hooks' matchingContainers and
// matchingImages are computed from. An app created at run time (the
// destination of a replication) has the containers of its name.

// container is one container of an app's pod.
type container struct {
	pod    string
	labels []label
	name   string
	image  string
}

// appContainers are the containers of each fixture app, by app name.
var appContainers = map[string][]container{
	AppWordpress: {
		{pod: "wordpress-7d9f8c6b5-x2k4p", labels: []label{{"app", "wordpress"}, {"tier", "frontend"}}, name: "wordpress", image: "docker.io/bitnami/wordpress:6.4.3"},
		{pod: "wordpress-mariadb-0", labels: []label{{"app", "wordpress"}, {"tier", "db"}}, name: "mariadb", image: "docker.io/bitnami/mariadb:11.2.3"},
	},
	AppPostgres: {
		{pod: "postgres-0", labels: []label{{"app", "postgres"}, {"role", "primary"}}, name: "postgres", image: "docker.io/library/postgres:16.2"},
		{pod: "postgres-0", labels: []label{{"app", "postgres"}, {"role", "primary"}}, name: "metrics", image: "quay.io/prometheuscommunity/postgres-exporter:v0.15.0"},
	},
	AppMySQL: {
		{pod: "mysql-0", labels: []label{{"app", "mysql"}}, name: "mysql", image: "docker.io/library/mysql:8.3.0"},
	},
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
// somewhere in the value (podLabel: in "name=value" of any pod label).
func matchContainers(a app, criteria []matchCriterion) ([]matchingContainer, []string) {
	namespace := ""
	if len(a.namespaces) > 0 {
		namespace = a.namespaces[0]
	}
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
	for _, ctr := range appContainers[a.name] {
		ok := true
		for i, c := range criteria {
			if !criterionMatches(c.Type, compiled[i], ctr, namespace) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		containers = append(containers, matchingContainer{
			PodName: ctr.pod, PodLabels: slices.Clone(ctr.labels), ContainerImage: ctr.image,
			ContainerName: ctr.name, NamespaceName: namespace,
		})
		if !slices.Contains(images, ctr.image) {
			images = append(images, ctr.image)
		}
	}
	return containers, images
}

// criterionMatches applies one criterion to one container.
func criterionMatches(kind string, re *regexp.Regexp, ctr container, namespace string) bool {
	switch kind {
	case "containerImage":
		return re.MatchString(ctr.image)
	case "containerName":
		return re.MatchString(ctr.name)
	case "podName":
		return re.MatchString(ctr.pod)
	case "namespaceName":
		return re.MatchString(namespace)
	case "podLabel":
		for _, l := range ctr.labels {
			if re.MatchString(l.Name + "=" + l.Value) {
				return true
			}
		}
	}
	return false
}
