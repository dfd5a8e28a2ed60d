package sandbox

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/continuity-dr/terraform-provider-continuity/internal/sandbox/backend"
)

// stateVersion is the version of the -state file's format.
const stateVersion = 1

// stateFile is the -state file: each emulator's saved state by name.
type stateFile struct {
	Version  int                        `json:"version"`
	Backends map[string]json.RawMessage `json:"backends"`
}

// persistence keeps the emulators' state in a file across restarts: loaded
// at start, written after every request that may change something and at
// shutdown, each time atomically (a temporary file renamed over the old
// one), so that a crash leaves the old state or the new, never half.
type persistence struct {
	path     string
	backends map[string]backend.Stateful
	logger   *log.Logger

	mu      sync.Mutex // one write at a time
	dirty   chan struct{}
	stopped chan struct{}
	done    chan struct{}
}

func newPersistence(path string, named map[string]backend.Backend, logger *log.Logger) *persistence {
	p := &persistence{path: path, backends: map[string]backend.Stateful{}, logger: logger,
		dirty: make(chan struct{}, 1), stopped: make(chan struct{}), done: make(chan struct{})}
	for name, b := range named {
		if st, ok := b.(backend.Stateful); ok {
			p.backends[name] = st
		}
	}
	return p
}

// load restores the state; a missing file is a first start.
func (p *persistence) load() error {
	data, err := os.ReadFile(p.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var f stateFile
	if err := json.Unmarshal(data, &f); err != nil {
		return fmt.Errorf("%s is not a sandbox state file: %w", p.path, err)
	}
	if f.Version != stateVersion {
		return fmt.Errorf("%s has state version %d; this sandbox reads version %d", p.path, f.Version, stateVersion)
	}
	for name, section := range f.Backends {
		st, ok := p.backends[name]
		if !ok {
			continue
		}
		if err := st.Load(section); err != nil {
			return fmt.Errorf("%s: the %s state: %w", p.path, name, err)
		}
	}
	return nil
}

// save writes the state atomically.
func (p *persistence) save() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	f := stateFile{Version: stateVersion, Backends: map[string]json.RawMessage{}}
	for name, st := range p.backends {
		data, err := st.Save()
		if err != nil {
			return fmt.Errorf("saving the %s state: %w", name, err)
		}
		f.Backends[name] = data
	}
	data, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p.path), "."+filepath.Base(p.path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // gone after the rename; removed on an error
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), p.path)
}

// run writes the state whenever a request marked it dirty, until stop.
func (p *persistence) run() {
	defer close(p.done)
	for {
		select {
		case <-p.dirty:
			if err := p.save(); err != nil && p.logger != nil {
				p.logger.Printf("sandbox: -state: %v", err)
			}
		case <-p.stopped:
			return
		}
	}
}

// touch marks the state as changed (coalescing marks).
func (p *persistence) touch() {
	select {
	case p.dirty <- struct{}{}:
	default:
	}
}

// stop ends run and writes the state a last time.
func (p *persistence) stop() error {
	close(p.stopped)
	<-p.done
	return p.save()
}

// mutating reports whether a request may change an emulator's state: any
// method but GET and HEAD, outside the sandbox's own routes. (A GET can
// settle a transition that was due, but settling again after a restart
// gives the same result, so those need no write.)
func mutating(r *http.Request) bool {
	return r.Method != http.MethodGet && r.Method != http.MethodHead && !strings.HasPrefix(r.URL.Path, "/_sandbox/")
}
