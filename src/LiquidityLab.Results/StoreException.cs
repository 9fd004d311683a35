namespace LiquidityLab.Results;

/// <summary>The results store could not be read or written (I/O, a locked or damaged file). The message names the store.</summary>
public class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The caller asked for something the store cannot do: an unknown run id, a store of a newer schema,
/// a file that is not a store, a folder outside the store's root. Bad input, not a failure.
/// </summary>
public sealed class StoreInputException(string message, Exception? inner = null) : StoreException(message, inner);
