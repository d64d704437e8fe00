namespace HpcKit.Core.Comm;

/// <summary>Element-wise reduction applied by all-reduce, reduce-scatter and exclusive scan.</summary>
public enum ReduceOp
{
    Sum,
    Max,
    Min,
}
