package com.eventphotos.api.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A member's role in one event. */
public enum Role {
    /** Everything: upload, see hidden photos, delete any photo, hide, invite, manage members. */
    OWNER(EnumSet.allOf(Permission.class)),
    /** Upload, see, and delete their own photos. */
    CONTRIBUTOR(EnumSet.of(
            Permission.VIEW_PHOTOS,
            Permission.VIEW_OWN_PHOTOS,
            Permission.UPLOAD_PHOTOS,
            Permission.DELETE_OWN_PHOTOS)),
    /** See the photos. */
    VIEWER(EnumSet.of(Permission.VIEW_PHOTOS, Permission.VIEW_OWN_PHOTOS));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    /** The roles that grant {@code permission}, for an error that says what is missing. */
    public static List<Role> granting(Permission permission) {
        return Arrays.stream(values()).filter(role -> role.allows(permission)).toList();
    }
}
