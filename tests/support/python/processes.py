"""Helpers for the programs the Python integration tests start."""
import signal
import subprocess


def stop_process(proc: subprocess.Popen, timeout: float = 5) -> None:
    """SIGTERM, then SIGKILL if it has not ended within `timeout` seconds; reaps it either way."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
