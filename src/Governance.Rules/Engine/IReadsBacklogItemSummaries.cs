namespace Governance.Rules.Engine;

/// <summary>
/// A rule of the catalog whose actions on backlogs read each item through
/// <see cref="Loading.BacklogItemSummary.Of"/> and ask the list only for the records of the items they report. When
/// every rule with an action on backlog records is one, a streaming run loads backlogs as
/// <see cref="Loading.DeferredBacklogItems"/> (<see cref="Loading.LoadOptions.DeferBacklogItems"/>).
/// </summary>
internal interface IReadsBacklogItemSummaries;
