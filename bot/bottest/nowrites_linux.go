package bottest

import (
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"testing"
)

// noWritesEnv marks the child process RunWithoutWrites starts.
const noWritesEnv = "NEWSBOT_TEST_NO_WRITES"

// WithoutWrites reports whether this process is the child that
// RunWithoutWrites started, and if so makes every write to a file fail
// from now on, as a full disk or a read-only file system would.
// Permissions cannot stop root (tests run as root in CI), but a file size
// limit of zero stops anyone: each write fails with EFBIG, at the same
// system call where a full disk fails with ENOSPC.
func WithoutWrites(t testing.TB) bool {
	t.Helper()
	if os.Getenv(noWritesEnv) == "" {
		return false
	}
	signal.Ignore(syscall.SIGXFSZ) // else the kernel kills the process
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: 0, Max: 0}); err != nil {
		t.Fatalf("limiting file size: %v", err)
	}
	return true
}

// RunWithoutWrites reruns the current test in a child process, with env
// (KEY=value) added, in which WithoutWrites is true; it fails the test if
// the child fails.
func RunWithoutWrites(t testing.TB, env ...string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.v")
	cmd.Env = append(append(os.Environ(), noWritesEnv+"=1"), env...)
	out, err := cmd.CombinedOutput() // a pipe, which the limit does not cover
	if err != nil {
		t.Fatalf("child without writes: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatalf("child without writes did not run the test:\n%s", out)
	}
}
