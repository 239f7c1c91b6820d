"""nbgrader settings for the course's lesson checks (see assignments/README.md).

Run nbgrader from this folder (the course directory): it finds the sources under source/,
writes release/, submitted/, autograded/ and feedback/ beside them, and keeps the
gradebook in gradebook.db. On a JupyterHub the exchange folder must be shared by all
users; set it with ``c.Exchange.root``.
"""

c = get_config()  # noqa: F821 - provided by nbgrader when it reads this file

c.CourseDirectory.course_id = "biomech-knee-valgus"
c.CourseDirectory.root = "."
# The hidden tests compute the expected answers with the model: allow a slow first import.
c.Execute.timeout = 120
# On a hub, every user must see the same exchange folder (created by the hub administrator):
# c.Exchange.root = "/srv/nbgrader/exchange"
