"""Background work on a task queue (Huey): tasks, periodic tasks and the worker."""
