namespace Billing.Export;

/// <summary>Formats a settled invoice as one line of the ledger's import file.</summary>
public static class InvoiceExport
{
    /// <summary>The ledger line: external id, amount in cents, currency.</summary>
    public static string ToLedgerLine(string invoiceNumber, decimal amount, string currency) =>
        FormattableString.Invariant($"{invoiceNumber};{decimal.ToInt64(amount * 100)};{currency}");
}
