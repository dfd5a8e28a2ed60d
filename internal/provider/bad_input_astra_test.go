package provider_test

import "fmt"

// hookSource is a valid hook source with one attribute line replaced.
func hookSource(lines string) string {
	return fmt.Sprintf(`
resource "continuity_astra_hook_source" "bad" {
%s
}
`, lines)
}

func executionHook(override string) string {
	return fmt.Sprintf(`
resource "continuity_astra_execution_hook" "bad" {
  name           = "hook"
  app_id         = %q
  hook_source_id = %q
  action         = "snapshot"
  stage          = "pre"
  %s
}
`, uuidA, uuidB, override)
}

func schedule(lines string) string {
	return fmt.Sprintf(`
resource "continuity_astra_app_schedule" "bad" {
  app_id             = %q
  name               = "nightly"
  snapshot_retention = 7
  backup_retention   = 7
%s
}
`, uuidA, lines)
}

func mirror(lines string) string {
	return fmt.Sprintf(`
resource "continuity_astra_app_mirror" "bad" {
%s
}
`, lines)
}

var _ = rows("astra",
	badInput{name: "hook source: empty name", attr: "name", config: hookSource(`name = ""
content = "echo"`)},
	badInput{name: "hook source: name of 64 characters", attr: "name", config: hookSource(`name = "` + long("n", 64) + `"
content = "echo"`)},
	badInput{name: "hook source: description of 512 characters", attr: "description", config: hookSource(`name = "h"
content = "echo"
description = "` + long("d", 512) + `"`)},
	badInput{name: "hook source: both source and content", attr: "source", config: hookSource(`name = "h"
content = "echo"
source = "ZWNobw=="`)},
	badInput{name: "hook source: neither source nor content", attr: "content", config: hookSource(`name = "h"`)},
	badInput{name: "hook source: source not base64", attr: "source", config: hookSource(`name = "h"
source = "not base64!"`)},
	badInput{name: "hook source: content with a carriage return", attr: "content", config: hookSource(`name = "h"
content = "echo\r\n"`)},
	badInput{name: "hook source: content with binary data", attr: "content", config: hookSource(`name = "h"
content = "\u0001\u0002"`)},

	badInput{name: "execution hook: empty name", attr: "name", config: `
resource "continuity_astra_execution_hook" "bad" {
  name           = ""
  app_id         = "` + uuidA + `"
  hook_source_id = "` + uuidB + `"
  action         = "snapshot"
  stage          = "pre"
}`},
	badInput{name: "execution hook: app_id not an ID", attr: "app_id", config: `
resource "continuity_astra_execution_hook" "bad" {
  name           = "hook"
  app_id         = "wordpress"
  hook_source_id = "` + uuidB + `"
  action         = "snapshot"
  stage          = "pre"
}`},
	badInput{name: "execution hook: hook_source_id not an ID", attr: "hook_source_id", config: `
resource "continuity_astra_execution_hook" "bad" {
  name           = "hook"
  app_id         = "` + uuidA + `"
  hook_source_id = "freeze"
  action         = "snapshot"
  stage          = "pre"
}`},
	badInput{name: "execution hook: unknown action", attr: "action", config: `
resource "continuity_astra_execution_hook" "bad" {
  name           = "hook"
  app_id         = "` + uuidA + `"
  hook_source_id = "` + uuidB + `"
  action         = "clone"
  stage          = "pre"
}`},
	badInput{name: "execution hook: unknown stage", attr: "stage", config: `
resource "continuity_astra_execution_hook" "bad" {
  name           = "hook"
  app_id         = "` + uuidA + `"
  hook_source_id = "` + uuidB + `"
  action         = "snapshot"
  stage          = "during"
}`},
	badInput{name: "execution hook: pre stage of a failover", attr: "stage", want: "post", config: `
resource "continuity_astra_execution_hook" "bad" {
  name           = "hook"
  app_id         = "` + uuidA + `"
  hook_source_id = "` + uuidB + `"
  action         = "failover"
  stage          = "pre"
}`},
	badInput{name: "execution hook: 17 arguments", attr: "arguments", config: executionHook(`arguments = [` + long(`"a",`, 16) + `"b"]`)},
	badInput{name: "execution hook: argument of 128 characters", attr: "arguments", config: executionHook(`arguments = ["` + long("a", 128) + `"]`)},
	badInput{name: "execution hook: unknown criterion type", attr: "matching_criteria", config: executionHook(`matching_criteria = [{ type = "podColour", value = "x" }]`)},
	badInput{name: "execution hook: criterion not RE2", attr: "matching_criteria", config: executionHook(`matching_criteria = [{ type = "containerName", value = "(" }]`)},
	badInput{name: "execution hook: 11 criteria", attr: "matching_criteria", config: executionHook(`matching_criteria = [` +
		func() string {
			s := ""
			for i := range 11 {
				s += fmt.Sprintf(`{ type = "podName", value = "p%d" },`, i)
			}
			return s
		}() + `]`)},
	badInput{name: "execution hook: description of 512 characters", attr: "description", config: executionHook(`description = "` + long("d", 512) + `"`)},

	badInput{name: "schedule: app_id not an ID", attr: "app_id", config: `
resource "continuity_astra_app_schedule" "bad" {
  app_id             = "wordpress"
  name               = "nightly"
  granularity        = "daily"
  hour               = 2
  minute             = 30
  snapshot_retention = 7
  backup_retention   = 7
}`},
	badInput{name: "schedule: unknown granularity", attr: "granularity", config: schedule(`granularity = "yearly"`)},
	badInput{name: "schedule: minute 60", attr: "minute", config: schedule(`granularity = "hourly"
minute = 60`)},
	badInput{name: "schedule: hour 24", attr: "hour", config: schedule(`granularity = "daily"
hour = 24
minute = 0`)},
	badInput{name: "schedule: day of week 8", attr: "day_of_week", config: schedule(`granularity = "weekly"
day_of_week = 8
hour = 1
minute = 0`)},
	badInput{name: "schedule: day of month 0", attr: "day_of_month", config: schedule(`granularity = "monthly"
day_of_month = 0
hour = 1
minute = 0`)},
	badInput{name: "schedule: daily without hour", attr: "hour", config: schedule(`granularity = "daily"
minute = 0`)},
	badInput{name: "schedule: hourly with a day of week", attr: "day_of_week", config: schedule(`granularity = "hourly"
minute = 5
day_of_week = 1`)},
	badInput{name: "schedule: invalid recurrence rule", attr: "recurrence_rule", config: schedule(`granularity = "custom"
recurrence_rule = "FREQ=SOMETIMES"`)},
	badInput{name: "schedule: negative retention", attr: "snapshot_retention", config: `
resource "continuity_astra_app_schedule" "bad" {
  app_id             = "` + uuidA + `"
  name               = "nightly"
  granularity        = "hourly"
  minute             = 0
  snapshot_retention = -1
  backup_retention   = 7
}`},

	badInput{name: "app mirror: source_app_id not an ID", attr: "source_app_id", config: mirror(`source_app_id = "wordpress"
destination_cluster_id = "` + uuidB + `"`)},
	badInput{name: "app mirror: destination_cluster_id not an ID", attr: "destination_cluster_id", config: mirror(`source_app_id = "` + uuidA + `"
destination_cluster_id = "cluster-west"`)},
	badInput{name: "app mirror: unknown state_desired", attr: "state_desired", config: mirror(`source_app_id = "` + uuidA + `"
destination_cluster_id = "` + uuidB + `"
state_desired = "paused"`)},
	badInput{name: "app mirror: created failed over", attr: "state_desired", config: mirror(`source_app_id = "` + uuidA + `"
destination_cluster_id = "` + uuidB + `"
state_desired = "failedOver"`)},
	badInput{name: "app mirror: created reversed", attr: "reversed", config: mirror(`source_app_id = "` + uuidA + `"
destination_cluster_id = "` + uuidB + `"
reversed = true`)},

	badInput{name: "data app: neither id nor name", attr: "name", config: `data "continuity_astra_app" "bad" {}`},
	badInput{name: "data app: cluster_id not an ID", attr: "cluster_id", config: `
data "continuity_astra_app" "bad" {
  name       = "wordpress"
  cluster_id = "east"
}`},
	badInput{name: "data managed cluster: both id and name", attr: "name", config: `
data "continuity_astra_managed_cluster" "bad" {
  id   = "` + uuidA + `"
  name = "cluster-east"
}`},
	badInput{name: "data storage classes: cluster_id not an ID", attr: "cluster_id", config: `
data "continuity_astra_storage_classes" "bad" {
  cluster_id = "cluster-east"
}`},
	badInput{name: "data app mirror: id not an ID", attr: "id", config: `
data "continuity_astra_app_mirror" "bad" {
  id = "mirror-1"
}`},
	badInput{name: "data hook source: neither id nor name", attr: "name", config: `data "continuity_astra_hook_source" "bad" {}`},
	badInput{name: "data hook sources: filter of unknown syntax", attr: "filter", config: `
data "continuity_astra_hook_sources" "bad" {
  filter = "name is freeze"
}`},
	badInput{name: "data packages: limit 0", attr: "limit", config: `
data "continuity_astra_packages" "bad" {
  limit = 0
}`},
	badInput{name: "data package: id not an ID", attr: "id", config: `
data "continuity_astra_package" "bad" {
  id = "acc-23.10"
}`},
)
