/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-template.h"
#include "gest-templates.h"

G_BEGIN_DECLS

/* A template's name, subject and body, with the placeholders of its kind offered as buttons
 * that insert "{{name}}" at the cursor. check() marks what is wrong in the one error style
 * (gest-field-error.h); the caller saves (gest_templates_save_async()) and shows a refusal
 * with show_error(). */
#define GEST_TYPE_TEMPLATE_EDITOR (gest_template_editor_get_type ())
G_DECLARE_FINAL_TYPE (GestTemplateEditor, gest_template_editor, GEST, TEMPLATE_EDITOR, AdwBin)

GtkWidget          *gest_template_editor_new        (const GestTemplateKind   *kind);
/* Shows @record (copied); its uuid and kind are kept for get_record(). */
void                gest_template_editor_set_record (GestTemplateEditor       *self,
                                                     const GestTemplateRecord *record);
/* What the editor holds now (a new record). */
GestTemplateRecord *gest_template_editor_get_record (GestTemplateEditor       *self);
/* The kind's rules on what is typed: FALSE with the first problem shown on its row. */
gboolean            gest_template_editor_check      (GestTemplateEditor       *self);
/* @message (NULL clears) under the editor's fields, for a refusal of the save. */
void                gest_template_editor_show_error (GestTemplateEditor       *self,
                                                     const char               *message);

G_END_DECLS
