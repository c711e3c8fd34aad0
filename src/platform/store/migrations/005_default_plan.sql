-- The default co-development session plan (2 h), as data: organisers edit it in the
-- back office (/admin/modeles-de-seance) and each session copies it on first use.
-- Keys "consultation" and "synthese" carry rules (ideas to the client, action leads).
INSERT INTO plan_templates (slug, name, phases, updated_at) VALUES ('co-developpement', 'Co-développement (2 h)',
'[{"key":"accueil","title":"Accueil et météo","minutes":15,"in_groups":false},
{"key":"eclairage","title":"Éclairage","minutes":20,"in_groups":false},
{"key":"expose","title":"Exposé du client","minutes":10,"in_groups":true},
{"key":"questions","title":"Questions de clarification","minutes":15,"in_groups":true},
{"key":"contrat","title":"Contrat","minutes":5,"in_groups":true},
{"key":"consultation","title":"Consultation","minutes":25,"in_groups":true},
{"key":"synthese","title":"Synthèse et plan d’action","minutes":10,"in_groups":true},
{"key":"apprentissages","title":"Apprentissages","minutes":10,"in_groups":true},
{"key":"cloture","title":"Clôture","minutes":10,"in_groups":false}]', 0);
