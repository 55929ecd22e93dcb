package com.eventphotos.contract;

/**
 * Where an owner's review of a guest's photo stands. A PENDING photo is processed as usual but stays out of the
 * members' listing until it is APPROVED (rejecting is deleting); photos without review have no status.
 */
public enum ReviewStatus {
    PENDING,
    APPROVED
}
