/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"
#include "gest-tramite-values.h"

G_BEGIN_DECLS

/* T3, T5: the "new trámite" window. It shows the plan's statement and whom to call (T1, T2),
 * and takes the payoff amount and payment date agreed with Conauto, and notes; the life
 * insurance is shown apart and excluded from the amount. Its state is a GestTramiteValues
 * (the form's rules are tested without a display); errors show under each field once the user
 * tries to save. Saving registers the trámite, shows its folio and emits ::saved. */
#define GEST_TYPE_TRAMITE_EDITOR (gest_tramite_editor_get_type ())
G_DECLARE_FINAL_TYPE (GestTramiteEditor, gest_tramite_editor, GEST, TRAMITE_EDITOR, AdwWindow)

/* @plan_uuid: the plan (uuid or number), or NULL to ask for a plan number. The window is modal
 * and transient for @parent, and is not shown. */
GestTramiteEditor       *gest_tramite_editor_new             (GtkWindow         *parent,
                                                              GestContext       *context,
                                                              const char        *plan_uuid);
/* Creates the editor and presents it. */
void                     gest_tramite_editor_present         (GtkWindow         *parent,
                                                              GestContext       *context,
                                                              const char        *plan_uuid);
const GestTramiteValues *gest_tramite_editor_get_values      (GestTramiteEditor *self);
/* Loads the plan typed in the plan field (also on Enter and the apply button). */
gboolean                 gest_tramite_editor_load_plan       (GestTramiteEditor *self,
                                                              const char        *plan);
/* What the save button does: validates and shows the field errors; when valid, registers the
 * trámite on the store's writer thread and, once saved, shows its folio and emits "saved"
 * (an error then goes in a toast). TRUE when the fields were valid and the save started (or
 * the trámite is already saved). */
gboolean                 gest_tramite_editor_save            (GestTramiteEditor *self);
/* The error shown under @field, or NULL when none is shown. */
const char              *gest_tramite_editor_get_field_error (GestTramiteEditor *self,
                                                              GestTramiteField   field);
/* After a save: the new trámite's uuid and folio; NULL before. */
const char              *gest_tramite_editor_get_tramite_uuid (GestTramiteEditor *self);
const char              *gest_tramite_editor_get_folio       (GestTramiteEditor *self);

G_END_DECLS
