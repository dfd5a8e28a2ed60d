package astra_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/continuity-dr/terraform-provider-continuity/internal/acctest"
	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/astra"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const scheduleAddr = "continuity_astra_app_schedule.test"

func testAccCheckAppScheduleDestroy(t *testing.T) resource.TestCheckFunc {
	client := acctest.AstraClient(t)
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != "continuity_astra_app_schedule" {
				continue
			}
			_, err := client.GetSchedule(context.Background(), rs.Primary.Attributes["app_id"], rs.Primary.ID)
			if err == nil {
				return fmt.Errorf("schedule %s still exists", rs.Primary.ID)
			}
			if !apierr.IsNotFound(err) {
				return err
			}
		}
		return nil
	}
}

// scheduleImportID returns <app_id>/<id> of the schedule at addr.
func scheduleImportID(addr string) resource.ImportStateIdFunc {
	return func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return "", fmt.Errorf("%s not in state", addr)
		}
		return rs.Primary.Attributes["app_id"] + "/" + rs.Primary.ID, nil
	}
}

// checkAPISchedule checks the schedule of the test as the API holds it.
func checkAPISchedule(t *testing.T, check func(s *astra.Schedule) error) resource.TestCheckFunc {
	client := acctest.AstraClient(t)
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[scheduleAddr]
		if !ok {
			return fmt.Errorf("%s not in state", scheduleAddr)
		}
		sc, err := client.GetSchedule(context.Background(), rs.Primary.Attributes["app_id"], rs.Primary.ID)
		if err != nil {
			return err
		}
		return check(sc)
	}
}

func str(p *string) string {
	if p == nil {
		return "<nil>"
	}
	return *p
}

func scheduleConfig(app, body string) string {
	return fmt.Sprintf(`
resource "continuity_astra_app_schedule" "test" {
  app_id = %q
%s
}
`, app, body)
}

func TestAccAppSchedule_basic(t *testing.T) {
	name := acctest.RandomName("tf-acc-sched")
	wordpress, postgres := wordpressApp(t), postgresApp(t)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	daily := fmt.Sprintf(`
  name               = %q
  granularity        = "daily"
  hour               = 2
  minute             = 30
  snapshot_retention = 7
  backup_retention   = 3
`, name)
	hourly := fmt.Sprintf(`
  name               = "%s-hourly"
  granularity        = "hourly"
  minute             = 15
  snapshot_retention = 24
  backup_retention   = 0
  enabled            = false
`, name)
	// The AppMirror replication schedule, as actoolkit and the UI make it.
	replication := fmt.Sprintf(`
  name               = "%s-replication"
  granularity        = "custom"
  recurrence_rule    = "DTSTART:20240101T000500Z\nRRULE:FREQ=MINUTELY;INTERVAL=10"
  snapshot_retention = 0
  backup_retention   = 0
  replicate          = true
`, name)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckAppScheduleDestroy(t),
		Steps: []resource.TestStep{
			{
				Config: scheduleConfig(wordpress, daily),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(scheduleAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(scheduleAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(scheduleAddr, tfjsonpath.New("hour"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue(scheduleAddr, tfjsonpath.New("minute"), knownvalue.Int64Exact(30)),
					statecheck.ExpectKnownValue(scheduleAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(scheduleAddr, tfjsonpath.New("replicate"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(scheduleAddr, tfjsonpath.New("day_of_week"), knownvalue.Null()),
				},
				Check: checkAPISchedule(t, func(s *astra.Schedule) error {
					if s.Granularity != "daily" || str(s.Hour) != "2" || str(s.Minute) != "30" || s.SnapshotRetention != "7" || s.BackupRetention != "3" {
						return fmt.Errorf("API schedule = %+v", s)
					}
					return nil
				}),
			},
			{
				ResourceName:      scheduleAddr,
				ImportState:       true,
				ImportStateIdFunc: scheduleImportID(scheduleAddr),
				ImportStateVerify: true,
			},
			{
				Config: scheduleConfig(wordpress, hourly),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(scheduleAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(scheduleAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(scheduleAddr, tfjsonpath.New("hour"), knownvalue.Null()),
					statecheck.ExpectKnownValue(scheduleAddr, tfjsonpath.New("enabled"), knownvalue.Bool(false)),
				},
				Check: checkAPISchedule(t, func(s *astra.Schedule) error {
					if s.Granularity != "hourly" || s.Hour != nil || str(s.Minute) != "15" || s.Enabled != "false" || s.Name != name+"-hourly" {
						return fmt.Errorf("API schedule = %+v", s)
					}
					return nil
				}),
			},
			{
				Config: scheduleConfig(wordpress, replication),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(scheduleAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(scheduleAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(scheduleAddr, tfjsonpath.New("replicate"), knownvalue.Bool(true)),
					// The API reports minute 0 for custom schedules.
					statecheck.ExpectKnownValue(scheduleAddr, tfjsonpath.New("minute"), knownvalue.Int64Exact(0)),
				},
				Check: checkAPISchedule(t, func(s *astra.Schedule) error {
					if s.Granularity != "custom" || str(s.Replicate) != "true" || str(s.RecurrenceRule) != "DTSTART:20240101T000500Z\nRRULE:FREQ=MINUTELY;INTERVAL=10" {
						return fmt.Errorf("API schedule = %+v", s)
					}
					return nil
				}),
			},
			{
				ResourceName:      scheduleAddr,
				ImportState:       true,
				ImportStateIdFunc: scheduleImportID(scheduleAddr),
				ImportStateVerify: true,
			},
			{
				// Another app: a new schedule.
				Config: scheduleConfig(postgres, replication),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(scheduleAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(scheduleAddr, tfjsonpath.New("app_id"), knownvalue.StringExact(postgres)),
				},
			},
		},
	})
}

func TestAccAppSchedule_weeklyAndMonthly(t *testing.T) {
	name := acctest.RandomName("tf-acc-sched-wm")
	wordpress := wordpressApp(t)
	weekly := fmt.Sprintf("  name = %q\n  granularity = \"weekly\"\n  day_of_week = 0\n  hour = 23\n  minute = 59\n  snapshot_retention = 4\n  backup_retention = 4\n", name)
	monthly := fmt.Sprintf("  name = %q\n  granularity = \"monthly\"\n  day_of_month = 31\n  hour = 0\n  minute = 0\n  snapshot_retention = 12\n  backup_retention = 12\n", name)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckAppScheduleDestroy(t),
		Steps: []resource.TestStep{
			{
				Config: scheduleConfig(wordpress, weekly),
				Check: checkAPISchedule(t, func(s *astra.Schedule) error {
					if str(s.DayOfWeek) != "0" || str(s.Hour) != "23" || str(s.Minute) != "59" {
						return fmt.Errorf("API schedule = %+v", s)
					}
					return nil
				}),
			},
			{
				// weekly → monthly: day_of_week goes, day_of_month comes, in place.
				Config: scheduleConfig(wordpress, monthly),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(scheduleAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(scheduleAddr, tfjsonpath.New("day_of_week"), knownvalue.Null()),
					statecheck.ExpectKnownValue(scheduleAddr, tfjsonpath.New("day_of_month"), knownvalue.Int64Exact(31)),
				},
				Check: checkAPISchedule(t, func(s *astra.Schedule) error {
					if s.DayOfWeek != nil || str(s.DayOfMonth) != "31" || s.Granularity != "monthly" {
						return fmt.Errorf("API schedule = %+v", s)
					}
					return nil
				}),
			},
		},
	})
}

func TestAccAppSchedule_driftAndDisappears(t *testing.T) {
	name := acctest.RandomName("tf-acc-sched-drift")
	wordpress := wordpressApp(t)
	client := acctest.AstraClient(t)
	var created acctest.ID
	body := fmt.Sprintf("  name = %q\n  granularity = \"hourly\"\n  minute = 5\n  snapshot_retention = 6\n  backup_retention = 0\n", name)
	config := scheduleConfig(wordpress, body)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckAppScheduleDestroy(t),
		Steps: []resource.TestStep{
			{Config: config, Check: created.Capture(scheduleAddr)},
			{
				// Someone turns the schedule into a daily one and keeps fewer snapshots.
				PreConfig: func() {
					two, zero := "2", "0"
					err := client.UpdateSchedule(context.Background(), wordpress, created.Value, astra.ScheduleInput{
						Name: name, Enabled: true, Granularity: "daily", Minute: &zero, Hour: &two, SnapshotRetention: "1", BackupRetention: "0",
					})
					if err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(scheduleAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(scheduleAddr, tfjsonpath.New("granularity"), knownvalue.StringExact("hourly")),
					plancheck.ExpectKnownValue(scheduleAddr, tfjsonpath.New("hour"), knownvalue.Null()),
				}},
				Check: checkAPISchedule(t, func(s *astra.Schedule) error {
					if s.Granularity != "hourly" || s.Hour != nil || str(s.Minute) != "5" || s.SnapshotRetention != "6" {
						return fmt.Errorf("drift not corrected: %+v", s)
					}
					return nil
				}),
			},
			{
				PreConfig: func() {
					if err := client.DeleteSchedule(context.Background(), wordpress, created.Value); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(scheduleAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

func TestAccAppSchedule_importErrors(t *testing.T) {
	wordpress := wordpressApp(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheckAstra(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:        scheduleConfig(wordpress, "  name = \"x\"\n  granularity = \"hourly\"\n  minute = 0\n  snapshot_retention = 1\n  backup_retention = 0\n"),
				ResourceName:  scheduleAddr,
				ImportState:   true,
				ImportStateId: "3f1e2d3c-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
				ExpectError:   regexp.MustCompile(words(`Invalid import ID`, `<app_id>/<schedule_id>`)),
			},
			{
				Config:        scheduleConfig(wordpress, "  name = \"x\"\n  granularity = \"hourly\"\n  minute = 0\n  snapshot_retention = 1\n  backup_retention = 0\n"),
				ResourceName:  scheduleAddr,
				ImportState:   true,
				ImportStateId: wordpress + "/3f1e2d3c-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
				ExpectError:   regexp.MustCompile(`Cannot import non-existent remote object`),
			},
		},
	})
}

func TestAccAppSchedule_invalidInputRefusedAtPlan(t *testing.T) {
	const app = `app_id = "6f9619ff-8b86-4d01-b42d-00cf4fc964ff"`
	base := func(granularity, extra string) string {
		return fmt.Sprintf("%s\nname = \"x\"\ngranularity = %q\nsnapshot_retention = 1\nbackup_retention = 0\n%s", app, granularity, extra)
	}
	rule := func(r string) string { return fmt.Sprintf("recurrence_rule = %q", r) }
	cases := map[string]struct {
		body string
		want string
	}{
		"hourly with hour":         {base("hourly", "minute = 0\nhour = 3"), words(`Invalid schedule attribute`, `hour does not apply when granularity is "hourly"; it is used by daily, weekly, monthly schedules`)},
		"hourly without minute":    {base("hourly", ""), words(`Missing schedule attribute`, `minute is required when granularity is "hourly"`)},
		"daily without hour":       {base("daily", "minute = 0"), words(`hour is required when granularity is "daily"`)},
		"weekly without day":       {base("weekly", "minute = 0\nhour = 1"), words(`day_of_week is required when granularity is "weekly"`)},
		"monthly with day of week": {base("monthly", "minute = 0\nhour = 1\nday_of_month = 1\nday_of_week = 1"), words(`day_of_week does not apply when granularity is "monthly"`)},
		"custom without rule":      {base("custom", ""), words(`recurrence_rule is required when granularity is "custom"`)},
		"custom with minute":       {base("custom", "minute = 5\n"+rule("DTSTART:20240101T000000Z\nRRULE:FREQ=HOURLY")), words(`minute must be unset (or 0)`)},
		"daily with rule":          {base("daily", "minute = 0\nhour = 1\n"+rule("DTSTART:20240101T000000Z\nRRULE:FREQ=HOURLY")), words(`recurrence_rule does not apply when granularity is "daily"`)},
		"minute 60":                {base("hourly", "minute = 60"), `(?s)Attribute minute value must be between 0 and 59`},
		"day of week 8":            {base("weekly", "minute = 0\nhour = 1\nday_of_week = 8"), `(?s)Attribute day_of_week value must be between 0 and 7`},
		"day of month 0":           {base("monthly", "minute = 0\nhour = 1\nday_of_month = 0"), `(?s)Attribute day_of_month value must be between 1 and 31`},
		"negative retention":       {strings.Replace(base("hourly", "minute = 0"), "snapshot_retention = 1", "snapshot_retention = -1", 1), `(?s)Attribute snapshot_retention value must be at least 0`},
		"unknown granularity":      {base("yearly", ""), `(?s)Attribute granularity value must be one of`},
		"daily frequency":          {base("custom", rule("DTSTART:20240101T000000Z\nRRULE:FREQ=DAILY")), words(`Invalid recurrence rule`, `FREQ=DAILY is not supported`)},
		"BYDAY":                    {base("custom", rule("DTSTART:20240101T000000Z\nRRULE:FREQ=HOURLY;BYDAY=MO")), words(`RRULE part BYDAY is not supported`)},
		"future start":             {base("custom", rule("DTSTART:20990101T000000Z\nRRULE:FREQ=HOURLY")), words(`DTSTART 20990101T000000Z is in the future`)},
		"local start":              {base("custom", rule("DTSTART:20240101T000000\nRRULE:FREQ=HOURLY")), words(`is not a UTC time`)},
		"interval 0":               {base("custom", rule("DTSTART:20240101T000000Z\nRRULE:FREQ=HOURLY;INTERVAL=0")), words(`INTERVAL=0 must be a positive integer`)},
		"one line":                 {base("custom", rule("RRULE:FREQ=HOURLY")), words(`needs both a DTSTART line and an RRULE line`)},
		"bucket not an id":         {base("hourly", "minute = 0\nbucket_id = \"default\""), `(?s)Attribute bucket_id must be an Astra ID`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheckAstra(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      "resource \"continuity_astra_app_schedule\" \"test\" {\n" + tc.body + "\n}\n",
					PlanOnly:    true,
					ExpectError: regexp.MustCompile(tc.want),
				}},
			})
		})
	}
}
