package io.heed.campaign;

import io.heed.platform.api.ApiException;

/** A campaign was asked to move where its state does not allow: 409, naming the current state. */
public class IllegalTransitionException extends ApiException {

    public IllegalTransitionException(String action, CampaignStatus current) {
        super(409, "Cannot " + action + " a campaign that is " + current + ".", current.name());
    }
}
