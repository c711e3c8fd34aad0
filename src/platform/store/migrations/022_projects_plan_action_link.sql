-- A flagship action of a plan is carried by one project: the link is the project's
-- plan_action_id (projects module). plan_actions.project_id, reserved for the same link
-- from the other side, never held a value: dropped so that the link has one home.
ALTER TABLE plan_actions DROP COLUMN project_id;
CREATE UNIQUE INDEX projects_plan_action_once ON projects (plan_action_id);
