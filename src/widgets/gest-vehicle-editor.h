/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-store.h"
#include "gest-vehicle-edit.h"

G_BEGIN_DECLS

/* The form that registers or edits a customer's vehicle (issue 12), a modal window; saves
 * through gest_vehicle_save_async() and emits "saved" with the vehicle's uuid. */
#define GEST_TYPE_VEHICLE_EDITOR (gest_vehicle_editor_get_type ())
G_DECLARE_FINAL_TYPE (GestVehicleEditor, gest_vehicle_editor, GEST, VEHICLE_EDITOR, AdwWindow)

/* @values: the vehicle to edit, or a new one's (gest_vehicle_values_new (customer)). */
GestVehicleEditor       *gest_vehicle_editor_new        (GtkWindow               *parent,
                                                         GestStore               *store,
                                                         const GestVehicleValues *values);
const GestVehicleValues *gest_vehicle_editor_get_values (GestVehicleEditor       *self);
GtkWidget               *gest_vehicle_editor_get_row    (GestVehicleEditor       *self,
                                                         GestVehicleField         field);
void                     gest_vehicle_editor_save       (GestVehicleEditor       *self);

G_END_DECLS
