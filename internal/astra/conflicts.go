package astra

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/continuity-dr/terraform-provider-continuity/internal/apierr"
	"github.com/continuity-dr/terraform-provider-continuity/internal/wait"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Astra Control refuses some requests while another operation of the same
// app runs, and says which with a 409 (astra.md §13–§16): a snapshot or a
// backup while a snapshot is being taken (problem 148), an in-place restore
// while a backup runs (152), deleting a snapshot a running backup uses
// (144), cancelling a pending backup (128), unmanaging an app that is being
// discovered or restored (112). Terraform applies a configuration's
// objects in parallel, so two backups of one app, or a snapshot and a
// backup, meet these refusals in an ordinary apply. This is no transient
// error for the transport to retry: the request is sent again once the
// operation in the way has ended, which whenFree waits for by reading it,
// within the resource's timeout.

// freeConf describes a request that must wait for other operations.
type freeConf struct {
	// Operation names the request for logs and errors.
	Operation string
	// Kind is the wait's kind (wait.Conf.Kind).
	Kind string
	// Problems are the refusals to wait on: "problem 148", ….
	Problems []string
	// Do sends the request once.
	Do func(ctx context.Context) error
	// Busy reports whether the operation in the way still runs, and
	// names it.
	Busy func(ctx context.Context) (bool, string, error)
}

// whenFree sends the request, and each time Astra Control refuses it with
// one of the problems, waits until Busy says the way is free and sends it
// again, until the context's deadline.
func whenFree(ctx context.Context, c freeConf) error {
	for {
		err := c.Do(ctx)
		var e *apierr.Error
		if !errors.As(err, &e) || !slices.Contains(c.Problems, e.Code) {
			return err
		}
		tflog.Info(ctx, "Astra Control refused a request until another operation ends; waiting", map[string]any{
			"operation": c.Operation, "problem": e.Code, "title": e.Title})
		blocker := ""
		_, werr := wait.Conf[struct{}]{
			Operation: fmt.Sprintf("%s to be possible (%s: %s)", c.Operation, e.Code, e.Title),
			Pending:   []string{"busy"},
			Target:    []string{"free"},
			Kind:      c.Kind,
			Refresh: func(ctx context.Context) (struct{}, string, error) {
				busy, what, err := c.Busy(ctx)
				blocker = what
				if err != nil || busy {
					return struct{}{}, "busy", err
				}
				return struct{}{}, "free", nil
			},
			Message: func(struct{}) string { return blocker },
		}.Wait(ctx)
		if werr != nil {
			return werr
		}
	}
}

// Problems of the refusals whenFree waits on.
const (
	problemSnapshotRunning  = "problem 148"
	problemBackupRunning    = "problem 152"
	problemSnapshotInUse    = "problem 144"
	problemBackupPending    = "problem 128"
	problemAppNotReady      = "problem 112"
	problemCloneNotPossible = "problem 151"
)

// protectionBusy reports whether a snapshot of the app is being taken
// (one of its snapshots is pending or running) or a backup of it is
// pending, which is when Astra Control refuses a new snapshot or backup
// (problem 148): a backup takes its snapshot first.
func (c *Client) protectionBusy(ctx context.Context, appID string) (bool, string, error) {
	snaps, err := c.ListSnapshots(ctx, appID)
	if err != nil {
		return false, "", err
	}
	for _, s := range snaps {
		if s.State == SnapshotPending || s.State == SnapshotRunning || s.State == SnapshotDiscovering {
			return true, fmt.Sprintf("snapshot %q of app %s is %s", s.Name, appID, s.State), nil
		}
	}
	backups, err := c.ListBackups(ctx, appID)
	if err != nil {
		return false, "", err
	}
	for _, b := range backups {
		if b.State == BackupPending || b.State == BackupDiscovering {
			return true, fmt.Sprintf("backup %q of app %s is %s", b.Name, appID, b.State), nil
		}
	}
	return false, "", nil
}

// backupsBusy reports whether a backup of the app (using snapshotID, when
// it is set) is pending or running.
func (c *Client) backupsBusy(ctx context.Context, appID, snapshotID string) (bool, string, error) {
	backups, err := c.ListBackups(ctx, appID)
	if err != nil {
		return false, "", err
	}
	for _, b := range backups {
		if (snapshotID == "" || b.SnapshotID == snapshotID) && backupInProgress(b.State) {
			return true, fmt.Sprintf("backup %q of app %s is %s", b.Name, appID, b.State), nil
		}
	}
	return false, "", nil
}

// waitEnded reports whether err is a wait that ended early (a timeout, an
// interruption, a failure state), as whenFree returns when the operation
// in the way does not end in time: it is reported with AddWaitError.
func waitEnded(err error) bool {
	var timeout *wait.TimeoutError
	var interrupted *wait.InterruptedError
	var state *wait.StateError
	return errors.As(err, &timeout) || errors.As(err, &interrupted) || errors.As(err, &state)
}
