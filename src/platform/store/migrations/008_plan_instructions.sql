-- Instructions for participants in the default co-development plan, shown on
-- their live page under the phase title. Only the template and the session plans
-- still exactly as migration 005 wrote them are filled in: a plan an organiser or
-- a facilitator has edited stays as they left it.
UPDATE plan_templates SET phases = '[{"key":"accueil","title":"Accueil et météo","minutes":15,"in_groups":false,"instructions":"Présentez-vous en une phrase : votre prénom, votre collectivité et votre humeur du jour. Vérifiez votre micro et votre caméra."},
{"key":"eclairage","title":"Éclairage","minutes":20,"in_groups":false,"instructions":"L’intervenant·e éclaire le thème du cycle. Notez ce qui fait écho à votre situation ; les questions viennent à la fin."},
{"key":"expose","title":"Exposé du client","minutes":10,"in_groups":true,"instructions":"Le client expose sa situation en 10 minutes : le contexte, ce qu’il a déjà essayé, ce qu’il attend du groupe. Les autres écoutent sans l’interrompre."},
{"key":"questions","title":"Questions de clarification","minutes":15,"in_groups":true,"instructions":"Posez des questions factuelles pour bien comprendre la situation (qui, quoi, depuis quand ?). Pas encore de conseils ni de solutions."},
{"key":"contrat","title":"Contrat","minutes":5,"in_groups":true,"instructions":"Le client formule sa demande en une question : « Comment pourrais-je… ? ». Le groupe vérifie qu’il l’a bien comprise."},
{"key":"consultation","title":"Consultation","minutes":25,"in_groups":true,"instructions":"Chacun propose idées, pistes et expériences, et les écrit au client sur cette page. Le client écoute et note, sans répondre."},
{"key":"synthese","title":"Synthèse et plan d’action","minutes":10,"in_groups":true,"instructions":"Le client dit ce qu’il retient et note ses pistes d’action sur sa page. Les autres l’écoutent sans relancer le débat."},
{"key":"apprentissages","title":"Apprentissages","minutes":10,"in_groups":true,"instructions":"Chacun dit ce qu’il retient pour lui-même de cette consultation, au-delà de la situation du client."},
{"key":"cloture","title":"Clôture","minutes":10,"in_groups":false,"instructions":"Un mot chacun sur la séance. L’intervenant·e rappelle la date de la prochaine séance et ce qu’il faut préparer."}]'
WHERE slug = 'co-developpement' AND phases = '[{"key":"accueil","title":"Accueil et météo","minutes":15,"in_groups":false},
{"key":"eclairage","title":"Éclairage","minutes":20,"in_groups":false},
{"key":"expose","title":"Exposé du client","minutes":10,"in_groups":true},
{"key":"questions","title":"Questions de clarification","minutes":15,"in_groups":true},
{"key":"contrat","title":"Contrat","minutes":5,"in_groups":true},
{"key":"consultation","title":"Consultation","minutes":25,"in_groups":true},
{"key":"synthese","title":"Synthèse et plan d’action","minutes":10,"in_groups":true},
{"key":"apprentissages","title":"Apprentissages","minutes":10,"in_groups":true},
{"key":"cloture","title":"Clôture","minutes":10,"in_groups":false}]';
UPDATE session_plans SET phases = '[{"key":"accueil","title":"Accueil et météo","minutes":15,"in_groups":false,"instructions":"Présentez-vous en une phrase : votre prénom, votre collectivité et votre humeur du jour. Vérifiez votre micro et votre caméra."},
{"key":"eclairage","title":"Éclairage","minutes":20,"in_groups":false,"instructions":"L’intervenant·e éclaire le thème du cycle. Notez ce qui fait écho à votre situation ; les questions viennent à la fin."},
{"key":"expose","title":"Exposé du client","minutes":10,"in_groups":true,"instructions":"Le client expose sa situation en 10 minutes : le contexte, ce qu’il a déjà essayé, ce qu’il attend du groupe. Les autres écoutent sans l’interrompre."},
{"key":"questions","title":"Questions de clarification","minutes":15,"in_groups":true,"instructions":"Posez des questions factuelles pour bien comprendre la situation (qui, quoi, depuis quand ?). Pas encore de conseils ni de solutions."},
{"key":"contrat","title":"Contrat","minutes":5,"in_groups":true,"instructions":"Le client formule sa demande en une question : « Comment pourrais-je… ? ». Le groupe vérifie qu’il l’a bien comprise."},
{"key":"consultation","title":"Consultation","minutes":25,"in_groups":true,"instructions":"Chacun propose idées, pistes et expériences, et les écrit au client sur cette page. Le client écoute et note, sans répondre."},
{"key":"synthese","title":"Synthèse et plan d’action","minutes":10,"in_groups":true,"instructions":"Le client dit ce qu’il retient et note ses pistes d’action sur sa page. Les autres l’écoutent sans relancer le débat."},
{"key":"apprentissages","title":"Apprentissages","minutes":10,"in_groups":true,"instructions":"Chacun dit ce qu’il retient pour lui-même de cette consultation, au-delà de la situation du client."},
{"key":"cloture","title":"Clôture","minutes":10,"in_groups":false,"instructions":"Un mot chacun sur la séance. L’intervenant·e rappelle la date de la prochaine séance et ce qu’il faut préparer."}]'
WHERE phases = '[{"key":"accueil","title":"Accueil et météo","minutes":15,"in_groups":false},{"key":"eclairage","title":"Éclairage","minutes":20,"in_groups":false},{"key":"expose","title":"Exposé du client","minutes":10,"in_groups":true},{"key":"questions","title":"Questions de clarification","minutes":15,"in_groups":true},{"key":"contrat","title":"Contrat","minutes":5,"in_groups":true},{"key":"consultation","title":"Consultation","minutes":25,"in_groups":true},{"key":"synthese","title":"Synthèse et plan d’action","minutes":10,"in_groups":true},{"key":"apprentissages","title":"Apprentissages","minutes":10,"in_groups":true},{"key":"cloture","title":"Clôture","minutes":10,"in_groups":false}]';
