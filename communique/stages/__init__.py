"""The pipeline stages: spaCy components that annotate a `Doc`, each in its own module.

`paragraphs` (sentence starts at line breaks), `dates`, `actors`, `statements`, `events`; `pipeline` loads a
spaCy model and adds them in order. `extensions` registers the `Doc._` attributes they share and `syntax` holds
the span, clause and auxiliary helpers several stages use. The actors stage is built from `actor_finder`
(gazetteer matching), `actor_context`, `actor_states`, `actor_people`, `actor_groups` and `actor_resolve`; the
events stage from `event_context`, `event_patterns`, `event_participants`, `event_arguments`, `event_frames`,
`event_modality` and `event_anchors`; `quotes` finds quotations for the statements stage.
"""
