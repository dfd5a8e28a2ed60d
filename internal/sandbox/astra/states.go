package astra

// The spec's types of state explanations, which several objects answer.

// stateDetailBody is a type_astra_stateDetail.
type stateDetailBody struct {
	Type              string         `json:"type"`
	Title             string         `json:"title"`
	Detail            string         `json:"detail"`
	AdditionalDetails map[string]any `json:"additionalDetails,omitempty"`
}

// stateTransitionBody is a type_astra_stateTransition.
type stateTransitionBody struct {
	From string   `json:"from"`
	To   []string `json:"to"`
}
