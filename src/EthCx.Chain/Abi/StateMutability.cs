namespace EthCx.Chain.Abi;

/// <summary>How a function treats chain state and ether, from the JSON ABI's <c>stateMutability</c>.</summary>
public enum StateMutability
{
    /// <summary>Neither reads nor writes state (<c>pure</c>).</summary>
    Pure,

    /// <summary>Reads but does not write state (<c>view</c>).</summary>
    View,

    /// <summary>May write state; rejects ether (<c>nonpayable</c>, the default).</summary>
    NonPayable,

    /// <summary>May write state and accepts ether (<c>payable</c>).</summary>
    Payable,
}
